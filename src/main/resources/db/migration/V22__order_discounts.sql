-- What took money off an order at checkout (a coupon, a red packet): one row per discount, with who funds it, so the
-- order detail can name it, the ledger can book it (platform marketing expense, or less payable to the supplier) and
-- the module that gave it can be told when the order is cancelled.
create table order_discount (
    id          bigint generated always as identity primary key,
    order_id    bigint not null references orders (id),
    ref         text   not null,
    label       text   not null,
    funder      text   not null check (funder in ('PLATFORM', 'SUPPLIER')),
    amount_fen  bigint not null check (amount_fen > 0),
    unique (order_id, ref)
);
