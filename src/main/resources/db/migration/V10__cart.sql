-- A member's cart: one row per SKU. The shop the buyer came through (share link) is kept for attribution at checkout.
create table cart_item (
    account_id bigint      not null references account (id),
    sku_id     bigint      not null references sku (id) on delete cascade,
    quantity   int         not null check (quantity between 1 and 999),
    shop_code  varchar(12),
    added_at   timestamptz not null,
    primary key (account_id, sku_id)
);
