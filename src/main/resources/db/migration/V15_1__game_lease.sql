-- Which node runs a game (cluster mode, see docs/deploy.md). A node runs a game only while it holds
-- the lease: it renews expires_at every few seconds, and every write it makes for the game first
-- checks, in the same transaction, that the epoch is still the one it was given. Taking a lease
-- over adds one to the epoch, so an old owner's late writes are refused. wanted_by names a node
-- that nginx now sends the game's traffic to; the owner hands the game over when it sees it.
create table game_lease (
    game_pin   varchar(6)   not null primary key references game (pin),
    node_id    varchar(100) not null,
    epoch      bigint       not null,
    expires_at timestamp with time zone not null,
    wanted_by  varchar(100)
);
create index game_lease_node on game_lease (node_id);
