-- Group buy (拼团). A campaign (supplier staff create it, an operator approves it) sets aside units of a product at a
-- group price per SKU; members open groups of group_size seats and friends join them, each seat an order of kind GROUP
-- whose promotion_ref is 'group:<group id>'. Every count below is moved by guarded updates whose checks are also
-- written here, so the database refuses an over-filled group or over-sold campaign whatever the code does.
create table group_campaign (
    id                 bigint generated always as identity primary key,
    supplier_id        bigint       not null references supplier (id),
    product_id         bigint       not null references product (id),
    group_size         int          not null check (group_size between 2 and 50),
    fill_within_secs   int          not null check (fill_within_secs between 600 and 604800),
    per_member_limit   int          not null check (per_member_limit between 1 and 99),
    units              int          not null check (units > 0),
    -- units on seats awaiting payment, and units paid for and not refunded: sold + reserved + available = units
    units_reserved     int          not null default 0 check (units_reserved >= 0),
    units_sold         int          not null default 0 check (units_sold >= 0),
    starts_at          timestamptz  not null,
    ends_at            timestamptz  not null check (ends_at > starts_at),
    status             varchar(12)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    review_reason      varchar(200),
    virtual_fill       boolean      not null default false,
    created_by         bigint       not null references account (id),
    created_at         timestamptz  not null,
    reviewed_at        timestamptz,
    check (units_reserved + units_sold <= units)
);
create index group_campaign_by_supplier on group_campaign (supplier_id, id desc);
create index group_campaign_by_product on group_campaign (product_id, ends_at);

-- The group price of each SKU the campaign covers (stored when decided, as the order stores what was charged).
create table group_campaign_sku (
    campaign_id     bigint  not null references group_campaign (id),
    sku_id          bigint  not null references sku (id),
    group_price_fen bigint  not null check (group_price_fen > 0),
    primary key (campaign_id, sku_id)
);

-- One group: seats_taken counts seats held (awaiting payment or paid), paid_count the seats paid for; the group
-- succeeds when paid_count reaches group_size, fails at its deadline otherwise. virtual_seats: seats shown as
-- 模拟成团 when the operator's virtual fill completed it at the deadline (no order, no money behind them).
create table group_buy (
    id             bigint generated always as identity primary key,
    campaign_id    bigint       not null references group_campaign (id),
    leader_id      bigint       not null references account (id),
    group_size     int          not null check (group_size between 2 and 50),
    seats_taken    int          not null default 0 check (seats_taken between 0 and group_size),
    paid_count     int          not null default 0 check (paid_count between 0 and group_size),
    virtual_seats  int          not null default 0 check (virtual_seats >= 0 and paid_count + virtual_seats <= group_size),
    status         varchar(12)  not null check (status in ('OPEN', 'SUCCEEDED', 'FAILED')),
    opened_at      timestamptz  not null,
    deadline       timestamptz  not null,
    closed_at      timestamptz
);
create index group_buy_by_campaign on group_buy (campaign_id, id desc);
create index group_buy_due on group_buy (deadline) where status = 'OPEN';

-- One seat: a member's order in a group. A member holds at most one live seat per group (a cancelled one, LEFT, may
-- be taken again); refund_number is recorded in the transaction that asked for the refund, so the refund worker
-- resumes where a crash stopped it.
create table group_seat (
    id              bigint generated always as identity primary key,
    group_id        bigint       not null references group_buy (id),
    campaign_id     bigint       not null references group_campaign (id),
    member_id       bigint       not null references account (id),
    sku_id          bigint       not null references sku (id),
    quantity        int          not null check (quantity > 0),
    unit_price_fen  bigint       not null check (unit_price_fen > 0),
    leader          boolean      not null,
    order_number    varchar(32)  not null unique,
    checkout_number varchar(32)  not null,
    status          varchar(12)  not null check (status in ('SEATED', 'PAID', 'LEFT', 'REFUNDING', 'REFUNDED')),
    late            boolean      not null default false,
    joined_at       timestamptz  not null,
    paid_at         timestamptz,
    left_at         timestamptz,
    refund_number   varchar(40),
    refunded_at     timestamptz,
    refund_attempts int          not null default 0,
    last_error      varchar(200)
);
create unique index group_seat_one_live_per_member on group_seat (group_id, member_id) where status <> 'LEFT';
create index group_seat_by_member on group_seat (member_id, id desc);
create index group_seat_by_campaign_member on group_seat (campaign_id, member_id);
create index group_seat_refunding on group_seat (id) where status = 'REFUNDING';
