-- Issue 9 (orders): business numbers from a sequence (see BusinessNumbers)
create sequence business_number_seq;

-- What was refunded of the goods, apart from shipping refunded with the last units: sales figures are goods, so
-- "goods - refunded" must not subtract shipping (a fully refunded order showed -¥10.00 of sales).
alter table orders add column refunded_goods_fen bigint not null default 0;
update orders o set refunded_goods_fen = (select coalesce(sum(l.unit_price_fen * l.refunded_quantity), 0) from order_line l where l.order_id = o.id);
alter table orders add constraint orders_refunded_goods_within_goods check (refunded_goods_fen between 0 and goods_fen and refunded_goods_fen <= refunded_fen);
