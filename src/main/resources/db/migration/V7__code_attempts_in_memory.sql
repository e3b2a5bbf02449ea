-- Wrong-code attempts are counted atomically in memory (per node) instead of in a nested transaction, which held a
-- second pooled connection per wrong guess.
alter table one_time_code drop column failed_attempts;
