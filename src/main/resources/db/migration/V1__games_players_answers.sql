-- One row per game; the quiz is copied in so reports and restarts never depend on the file.
create table game (
    pin            varchar(6)       not null primary key,
    quiz_id        varchar(200)     not null,
    quiz_title     varchar(300)     not null,
    quiz_json      varchar(1000000) not null,
    options_json   varchar(2000)    not null,
    host_token     varchar(100)     not null unique,
    shuffle_seed   bigint           not null,
    phase          varchar(20)      not null,
    question_index int              not null,
    locked         boolean          not null,
    created_at     timestamp with time zone not null,
    finished_at    timestamp with time zone
);

create table player (
    id          varchar(40)  not null primary key,
    game_pin    varchar(6)   not null references game (pin),
    token       varchar(100) not null unique,
    nickname    varchar(200) not null,
    join_order  int          not null,
    kicked      boolean      not null,
    joined_at   timestamp with time zone not null,
    final_rank  int,
    final_score int
);
create index player_game on player (game_pin);

-- Every counted answer; the primary key makes a second answer to a question impossible.
create table answer (
    player_id      varchar(40)   not null references player (id),
    question_index int           not null,
    game_pin       varchar(6)    not null references game (pin),
    answer_json    varchar(4000) not null,
    answer_text    varchar(4000) not null,
    correct        boolean       not null,
    points         int           not null,
    response_ms    bigint        not null,
    received_at    timestamp with time zone not null,
    primary key (player_id, question_index)
);
create index answer_game on answer (game_pin);
