-- Stock is split three ways: available (stock), reserved by unpaid orders, sold. Every move between them is one
-- guarded update, so available + reserved + sold only changes when a supplier adjusts the available stock.
alter table sku add column reserved int not null default 0 check (reserved >= 0);
alter table sku add column sold int not null default 0 check (sold >= 0);
