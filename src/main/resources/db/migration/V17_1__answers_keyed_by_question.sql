-- Answers keyed by game, question and player instead of by player and question (issue 15, part 3).
-- Player ids are random, so the old key and the index H2 kept for the foreign key to player put every
-- answer on its own page of two large indexes, and H2 rewrites each page a commit changes: a class's
-- answers cost 3-5 times as much to store and the file grew almost three times as fast
-- (docs/benchmarks.md, "Answer rows keyed by question"). Keyed by question, one question's answers fill
-- a few neighbouring pages. The key still allows one answer per player and question (a player id
-- belongs to one game). The foreign key to player goes: the server stores a player before it issues
-- the token that every answer needs, and never deletes players. The same statements run on H2 and
-- PostgreSQL, so the table is rebuilt rather than altered (H2 named the old constraints itself).
create table answer_by_question (
    game_pin             varchar(6)    not null,
    question_index       int           not null,
    player_id            varchar(40)   not null,
    answer_json          varchar(4000) not null,
    answer_text          varchar(4000) not null,
    correct              boolean       not null,
    points               int           not null,
    response_ms          bigint        not null,
    received_at          timestamp with time zone not null,
    accepted_as          varchar(4000),
    network_allowance_ms bigint        default 0 not null,
    constraint answer_one_per_question primary key (game_pin, question_index, player_id),
    constraint answer_of_game foreign key (game_pin) references game (pin)
);
insert into answer_by_question (game_pin, question_index, player_id, answer_json, answer_text, correct, points,
                                response_ms, received_at, accepted_as, network_allowance_ms)
select game_pin, question_index, player_id, answer_json, answer_text, correct, points, response_ms, received_at,
       accepted_as, network_allowance_ms
from answer;
drop table answer;
alter table answer_by_question rename to answer;
