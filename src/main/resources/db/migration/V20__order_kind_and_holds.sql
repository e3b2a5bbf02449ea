-- Issue 10 (holds): what kind of sale made an order, which promotion it belongs to (the play module's own reference,
-- never a foreign key: ordering does not know the plays' tables), and which module holds it back from shipping.
alter table orders add column kind text not null default 'NORMAL';
alter table orders add constraint orders_kind_known check (kind in ('NORMAL', 'GROUP', 'BARGAIN', 'FLASH'));
alter table orders add column promotion_ref text;
-- null: shippable once paid; otherwise the name of the module that holds it (e.g. 'groupbuy' until the group fills),
-- so only that module can release it
alter table orders add column held_by text;
alter table orders add constraint orders_held_by_named check (held_by is null or length(held_by) between 1 and 40);
