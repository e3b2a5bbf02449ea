-- The platform mean every product's composite score was last computed with (PriorDrift): 4.0, the mean the column's
-- default 75 stands for, until the first full rescore.
alter table credit_platform_total add column scored_mean double precision not null default 4.0;

-- Catalog: the composite score a product gets when it is created (the prior at the platform mean of the last full
-- rescore), so a new listing ranks with the products scored then, not at a stale 75.
create table product_score_default (
    id    smallint     primary key check (id = 1),
    score numeric(6, 2) not null
);
insert into product_score_default (id, score) values (1, 75);
