-- A practice game remembers the game whose missed questions it was built from, so its report can
-- compare with that first game and the first game's report can link to its practice games.
alter table game add column origin_pin varchar(6);
create index game_origin on game (origin_pin);
