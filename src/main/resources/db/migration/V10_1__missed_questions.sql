-- Questions a player had open (reached them while open) but did not answer. With the answer table
-- this tells, after a restart too, which questions each player could have answered: FINAL's
-- "N of M correct" counts only those (issue 10, item 6).
create table missed (
    player_id      varchar(40) not null references player (id),
    question_index int         not null,
    game_pin       varchar(6)  not null references game (pin),
    primary key (player_id, question_index)
);
create index missed_game on missed (game_pin);
