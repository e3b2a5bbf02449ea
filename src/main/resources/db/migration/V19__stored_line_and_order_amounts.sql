-- Issue 10 (pricing): what each line and order costs the buyer is stored when it is priced, never recomputed from
-- unit price × quantity again, so discounts (coupons, promotions) can change it without every reader knowing.
--   order_line: paid_fen + discount_fen = unit_price_fen × quantity; the discount split by who funds it;
--               refunded_goods_fen = what refunds returned of paid_fen (see RefundGrants for the rounding).
--   orders:     goods_fen (catalog) - discount_fen + shipping_fen = total_fen.
alter table order_line add column paid_fen              bigint;
alter table order_line add column discount_fen          bigint not null default 0;
alter table order_line add column platform_discount_fen bigint not null default 0;
alter table order_line add column supplier_discount_fen bigint not null default 0;
alter table order_line add column refunded_goods_fen    bigint not null default 0;
update order_line set paid_fen = unit_price_fen * quantity, refunded_goods_fen = unit_price_fen * refunded_quantity;
alter table order_line alter column paid_fen set not null;
alter table order_line add constraint order_line_paid_not_negative check (paid_fen >= 0);
alter table order_line add constraint order_line_paid_plus_discount_is_price check (paid_fen + discount_fen = unit_price_fen * quantity);
alter table order_line add constraint order_line_discount_split_by_funder
    check (platform_discount_fen >= 0 and supplier_discount_fen >= 0 and discount_fen = platform_discount_fen + supplier_discount_fen);
alter table order_line add constraint order_line_refunded_within_paid check (refunded_goods_fen between 0 and paid_fen);
-- amount_fen was unit price × quantity, now paid_fen + discount_fen
alter table order_line drop column amount_fen;

alter table orders add column discount_fen bigint not null default 0;
alter table orders add column total_fen    bigint;
update orders set total_fen = goods_fen + shipping_fen;
alter table orders alter column total_fen set not null;
alter table orders add constraint orders_discount_within_goods check (discount_fen between 0 and goods_fen);
alter table orders add constraint orders_total_is_goods_less_discount_plus_shipping check (total_fen = goods_fen - discount_fen + shipping_fen);
alter table orders drop constraint orders_refunded_goods_within_goods;
alter table orders add constraint orders_refunded_goods_within_paid_goods
    check (refunded_goods_fen between 0 and goods_fen - discount_fen and refunded_goods_fen <= refunded_fen);
