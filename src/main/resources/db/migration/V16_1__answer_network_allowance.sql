-- The network delay forgiven on each answer (ms), so the report can show the raw and the scored
-- time and how uneven the room's Wi-Fi was. Answers stored before this column existed had it unrecorded: 0.
alter table answer add column network_allowance_ms bigint default 0 not null;
