-- The questions players missed, keyed by game, question and player like the answers (V17_1), and for the
-- same reason: keyed by a random player id first, with H2's own index for the foreign key to player, the
-- rows stored when a question closes landed on a page each. The foreign key to the game stays.
create table missed_by_question (
    game_pin       varchar(6)  not null,
    question_index int         not null,
    player_id      varchar(40) not null,
    constraint missed_once_per_question primary key (game_pin, question_index, player_id),
    constraint missed_of_game foreign key (game_pin) references game (pin)
);
insert into missed_by_question (game_pin, question_index, player_id)
select game_pin, question_index, player_id
from missed;
drop table missed;
alter table missed_by_question rename to missed;
