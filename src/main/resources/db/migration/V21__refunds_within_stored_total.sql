-- Refunds are capped by what the buyer paid (the stored total after discounts), not goods + shipping.
alter table orders drop constraint orders_refund_within_total;
alter table orders add constraint orders_refund_within_total check (refunded_fen between 0 and total_fen);
