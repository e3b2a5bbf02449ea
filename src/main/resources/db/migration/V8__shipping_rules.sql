-- Each supplier's shipping fee rule: a flat fee per order, waived when the goods reach a threshold (满 X 包邮).
create table supplier_shipping (
    supplier_id  bigint primary key references supplier (id),
    flat_fee_fen bigint not null check (flat_fee_fen >= 0),
    free_over_fen bigint check (free_over_fen > 0)
);
