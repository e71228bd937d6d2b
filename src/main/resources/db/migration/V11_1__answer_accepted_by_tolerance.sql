-- The accepted answer a typed answer was matched to when a spelling slip was forgiven (null when the
-- answer matched exactly or was wrong), so the report can show which answers tolerance accepted.
alter table answer add column accepted_as varchar(4000);
