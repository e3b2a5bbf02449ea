-- Issue 14: supplier deposits (保证金) and complaints (投诉). Money itself lives in the ledger
-- (supplier:{id}:deposit); these tables hold the business around it.

-- One row per supplier once it pays in or exits: the row both a deduction and a return lock, so they run one at a time.
create table supplier_deposit (
    supplier_id bigint      primary key references supplier (id),
    exited_at   timestamptz
);

-- A pay-in (缴纳 / 补缴): its number is the payment's reference; paid once, by the payment's notification.
create table deposit_top_up (
    id             bigserial   primary key,
    number         varchar(32) not null unique,
    supplier_id    bigint      not null references supplier (id),
    amount_fen     bigint      not null check (amount_fen > 0),
    status         varchar(20) not null check (status in ('AWAITING_PAYMENT', 'PAID')),
    requested_by   bigint      not null references account (id),
    payment_number varchar(32),
    created_at     timestamptz not null,
    paid_at        timestamptz
);
create index deposit_top_up_by_supplier on deposit_top_up (supplier_id, id desc);

-- The return of the whole balance on exit: at most one per supplier, paid out through the provider.
create table deposit_return (
    id           bigserial   primary key,
    number       varchar(32) not null unique,
    supplier_id  bigint      not null unique references supplier (id),
    amount_fen   bigint      not null check (amount_fen >= 0),
    status       varchar(20) not null check (status in ('REQUESTED', 'PAID')),
    requested_by bigint      not null references account (id),
    payout_id    varchar(64),
    created_at   timestamptz not null,
    paid_at      timestamptz
);
create index deposit_return_to_pay on deposit_return (id) where status = 'REQUESTED';

create table complaint (
    id               bigserial    primary key,
    number           varchar(32)  not null unique,
    order_id         bigint       not null references orders (id),
    order_number     varchar(32)  not null,
    order_line_id    bigint       references order_line (id),
    buyer_id         bigint       not null references account (id),
    supplier_id      bigint       not null references supplier (id),
    product_ids      bigint[]     not null,
    subject          varchar(200) not null, -- the product(s) complained about, as the order named them
    buyer_masked     varchar(40)  not null, -- the buyer as the supplier may see them (never the phone or full name)
    supplier_name    varchar(100) not null,
    category         varchar(20)  not null,
    text             varchar(500) not null,
    images           jsonb        not null default '[]',
    status           varchar(20)  not null
        check (status in ('AWAITING_ANSWER', 'AWAITING_DECISION', 'UPHELD', 'DISMISSED', 'WITHDRAWN')),
    answer_deadline  timestamptz  not null,
    answer           varchar(500),
    answered_at      timestamptz,
    overdue_at       timestamptz,
    upheld           boolean,
    penalty_fen      bigint       check (penalty_fen >= 0),
    penalty_to       varchar(10)  check (penalty_to in ('BUYER', 'PLATFORM')),
    decision_reason  varchar(200),
    decided_by       bigint       references account (id),
    decided_at       timestamptz,
    withdrawn_at     timestamptz,
    created_at       timestamptz  not null
);
-- at most one open complaint per order: the database decides, not a prior select
create unique index complaint_one_open_per_order on complaint (order_id) where status in ('AWAITING_ANSWER', 'AWAITING_DECISION');
create index complaint_by_buyer on complaint (buyer_id, id desc);
create index complaint_by_supplier on complaint (supplier_id, id desc);
create index complaint_answer_due on complaint (answer_deadline) where status = 'AWAITING_ANSWER';
