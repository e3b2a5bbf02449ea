-- Order lifecycle: deadlines the timers sweep (rows, so they survive restarts and any node can run them),
-- timestamps for the buyer's timeline, what was refunded, and the supply price each line was sold at.
alter table order_line add column supply_price_fen bigint not null default 0 check (supply_price_fen >= 0);
alter table order_line alter column supply_price_fen drop default;
alter table order_line add column refunded_quantity int not null default 0;
alter table order_line add constraint order_line_refund_within_quantity check (refunded_quantity between 0 and quantity);

alter table orders drop constraint orders_status_check;
alter table orders add constraint orders_status_check
    check (status in ('AWAITING_PAYMENT', 'PAID', 'SHIPPED', 'RECEIVED', 'COMPLETED', 'CANCELLED', 'REFUNDED'));
alter table orders add column pay_deadline      timestamptz;
update orders set pay_deadline = created_at + interval '30 minutes';
alter table orders alter column pay_deadline set not null;
alter table orders add column cancel_reason      varchar(20);
alter table orders add column payment_number     varchar(32);
alter table orders add column paid_at            timestamptz;
alter table orders add column carrier            varchar(20);
alter table orders add column tracking_number    varchar(40);
alter table orders add column shipped_at         timestamptz;
alter table orders add column receive_deadline   timestamptz;
alter table orders add column receipt_reminded_at timestamptz;
alter table orders add column received_at        timestamptz;
alter table orders add column completed_at       timestamptz;
alter table orders add column refunded_fen       bigint not null default 0;
alter table orders add constraint orders_refund_within_total check (refunded_fen between 0 and goods_fen + shipping_fen);
create index orders_unpaid_due on orders (pay_deadline) where status = 'AWAITING_PAYMENT';
create index orders_shipped_due on orders (receive_deadline) where status = 'SHIPPED';
create index orders_received on orders (received_at) where status = 'RECEIVED';
create index orders_by_checkout on orders (checkout_id);

-- After-sales: per line and quantity. At most one open request per line (a database rule, not a prior select).
create table after_sale (
    id             bigint generated always as identity primary key,
    number         varchar(24)  not null unique,
    order_id       bigint       not null references orders (id),
    order_line_id  bigint       not null references order_line (id),
    buyer_id       bigint       not null references account (id),
    supplier_id    bigint       not null references supplier (id),
    kind           varchar(20)  not null check (kind in ('REFUND_ONLY', 'RETURN_AND_REFUND')),
    quantity       int          not null check (quantity > 0),
    amount_fen     bigint       not null check (amount_fen > 0),
    reason         varchar(200) not null,
    status         varchar(20)  not null check (status in ('REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'REJECTED', 'ESCALATED',
                                                        'REFUNDING', 'REFUNDED', 'CLOSED', 'WITHDRAWN')),
    reject_reason  varchar(200),
    return_carrier varchar(20),
    return_tracking varchar(40),
    decision_note  varchar(200),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create unique index after_sale_one_open_per_line on after_sale (order_line_id)
    where status in ('REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'REJECTED', 'ESCALATED', 'REFUNDING');
create index after_sale_by_buyer on after_sale (buyer_id, id desc);
create index after_sale_by_supplier on after_sale (supplier_id, status);
create index after_sale_by_order on after_sale (order_id);

-- Payments: one attempt open per reference at a time; the notification table deduplicates by the provider's event id.
create table payment (
    id            bigint generated always as identity primary key,
    number        varchar(32)  not null unique,
    reference     varchar(40)  not null,
    payer_id      bigint       not null references account (id),
    provider      varchar(16)  not null,
    amount_fen    bigint       not null check (amount_fen > 0),
    status        varchar(12)  not null check (status in ('CREATED', 'SUCCEEDED', 'FAILED', 'CLOSED')),
    redirect_url  varchar(300) not null,
    provider_txn  varchar(64),
    created_at    timestamptz  not null,
    succeeded_at  timestamptz,
    closed_at     timestamptz
);
create unique index payment_one_open_per_reference on payment (reference) where status = 'CREATED';
create index payment_by_reference on payment (reference);
create index payment_created on payment (created_at) where status = 'CREATED';

create table payment_notification (
    provider     varchar(16)  not null,
    event_id     varchar(64)  not null,
    payment_number varchar(32) not null,
    kind         varchar(12)  not null,
    received_at  timestamptz  not null,
    primary key (provider, event_id)
);

create table refund (
    id             bigint generated always as identity primary key,
    number         varchar(32)  not null unique,
    payment_number varchar(32)  not null references payment (number),
    amount_fen     bigint       not null check (amount_fen > 0),
    reason         varchar(200) not null,
    status         varchar(12)  not null check (status in ('REQUESTED', 'SUCCEEDED')),
    attempts       int          not null default 0,
    last_error     varchar(200),
    next_attempt_at timestamptz not null,
    provider_refund_id varchar(64),
    created_at     timestamptz  not null,
    succeeded_at   timestamptz
);
create index refund_due on refund (next_attempt_at) where status = 'REQUESTED';

-- The sandbox provider's own books (it stands in for WeChat Pay / Alipay): its payments, refunds, payouts and the
-- notifications it still has to deliver (retried until acknowledged, sometimes twice).
create table sandbox_payment (
    id           varchar(32)  primary key,
    merchant_id  varchar(32)  not null,
    out_trade_no varchar(32)  not null unique,
    amount_fen   bigint       not null,
    description  varchar(100) not null,
    status       varchar(12)  not null check (status in ('OPEN', 'PAID', 'FAILED', 'CLOSED')),
    notify_url   varchar(300) not null,
    return_url   varchar(300) not null,
    created_at   timestamptz  not null,
    paid_at      timestamptz
);
create table sandbox_refund (
    id            varchar(32)  primary key,
    out_refund_no varchar(32)  not null unique,
    out_trade_no  varchar(32)  not null references sandbox_payment (out_trade_no),
    amount_fen    bigint       not null,
    created_at    timestamptz  not null
);
create table sandbox_payout (
    id            varchar(32)  primary key,
    out_payout_no varchar(40)  not null unique,
    payee         varchar(64)  not null,
    amount_fen    bigint       not null,
    created_at    timestamptz  not null
);
create table sandbox_delivery (
    id              bigint generated always as identity primary key,
    event_id        varchar(64)  not null,
    url             varchar(300) not null,
    body            text         not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    delivered_at    timestamptz,
    last_status     varchar(60)
);
create index sandbox_delivery_due on sandbox_delivery (next_attempt_at) where delivered_at is null;

-- In-app messages (站内信): stored as a message key and arguments, rendered in the reader's language.
create table inbox_message (
    id          bigint generated always as identity primary key,
    account_id  bigint       not null references account (id),
    dedupe_key  varchar(120) not null,
    message_key varchar(80)  not null,
    args        varchar(400) not null,
    link        varchar(200),
    created_at  timestamptz  not null,
    read_at     timestamptz,
    unique (account_id, dedupe_key)
);
create index inbox_message_by_account on inbox_message (account_id, id desc);

-- Daily reconciliation: the provider's bill for a day against our payments and refunds, kept per day and provider.
create table reconciliation_run (
    day         date         not null,
    provider    varchar(16)  not null,
    checked     int          not null,
    differences text         not null,
    ran_at      timestamptz  not null,
    primary key (day, provider)
);
