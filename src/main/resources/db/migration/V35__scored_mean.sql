-- The platform mean every product's composite score was last computed with (PriorDrift): 4.0, the mean the column's
-- default 75 stands for, until the first full rescore.
alter table credit_platform_total add column scored_mean double precision not null default 4.0;
