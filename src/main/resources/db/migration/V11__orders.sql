-- One checkout is paid once and splits into one order per supplier (drop-ship). Lines snapshot what was sold.
create table checkout (
    id           bigint generated always as identity primary key,
    number       varchar(24)  not null unique,
    buyer_id     bigint       not null references account (id),
    payable_fen  bigint       not null check (payable_fen > 0),
    created_at   timestamptz  not null
);

create table orders (
    id           bigint generated always as identity primary key,
    number       varchar(24)  not null unique,
    checkout_id  bigint       not null references checkout (id),
    buyer_id     bigint       not null references account (id),
    supplier_id  bigint       not null references supplier (id),
    status       varchar(20)  not null check (status in ('AWAITING_PAYMENT', 'PAID', 'SHIPPED', 'RECEIVED', 'COMPLETED', 'CANCELLED')),
    goods_fen    bigint       not null check (goods_fen > 0),
    shipping_fen bigint       not null check (shipping_fen >= 0),
    receiver     varchar(20)  not null,
    phone        varchar(11)  not null,
    address      varchar(200) not null,
    created_at   timestamptz  not null,
    cancelled_at timestamptz
);
create index orders_by_buyer on orders (buyer_id, id desc);
create index orders_by_supplier on orders (supplier_id, status);

create table order_line (
    id                    bigint generated always as identity primary key,
    order_id              bigint      not null references orders (id),
    sku_id                bigint      not null references sku (id),
    product_id            bigint      not null references product (id),
    product_name          varchar(60) not null,
    spec                  varchar(40) not null,
    unit_price_fen        bigint      not null check (unit_price_fen > 0),
    quantity              int         not null check (quantity between 1 and 999),
    amount_fen            bigint      not null check (amount_fen > 0),
    commission_budget_fen bigint      not null check (commission_budget_fen >= 0),
    shop_code             varchar(12)
);
create index order_line_by_order on order_line (order_id);
