-- When a game was ended because nobody used it any more (live.AbandonedGames); null for games
-- that finished or were ended by their host. Its answers and report are kept like any other's.
alter table game add column abandoned_at timestamp with time zone;
