-- Ordering: a line whose units a play set aside itself (a flash sale, at approval). Checkout reserved none for it and a
-- cancellation releases none (the play takes the unit back); paying sells it from reserved like any line.
alter table order_line add column units_set_aside boolean not null default false;

-- Flash sale (秒杀). A session (场次) proposed by supplier staff and approved by an operator; at approval its units are
-- moved from the SKUs' stock to reserved (set aside), and whatever is not sold goes back once after it ends.
create table flash_sale (
    id                bigint generated always as identity primary key,
    supplier_id       bigint       not null references supplier (id),
    title             varchar(40)  not null,
    starts_at         timestamptz  not null,
    ends_at           timestamptz  not null check (ends_at > starts_at),
    per_member_limit  int          not null check (per_member_limit between 1 and 10),
    status            varchar(12)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    review_reason     varchar(200),
    created_by        bigint       not null references account (id),
    created_at        timestamptz  not null,
    reviewed_at       timestamptz,
    -- buy attempts counted in memory on each node and added here every second or so
    attempts          bigint       not null default 0,
    sold_out_at       timestamptz,
    -- set once, by the guarded update that gives the unsold set-aside units back to stock
    units_returned_at timestamptz
);
create index flash_sale_by_supplier on flash_sale (supplier_id, id desc);
create index flash_sale_by_window on flash_sale (ends_at, starts_at) where status = 'APPROVED';

create table flash_sale_item (
    sale_id         bigint  not null references flash_sale (id),
    sku_id          bigint  not null references sku (id),
    position        int     not null,
    flash_price_fen bigint  not null check (flash_price_fen > 0),
    quantity        int     not null check (quantity between 1 and 100000),
    primary key (sale_id, sku_id)
);

-- A unit won at the gate. The database is the record of what was sold: over LIVE claims (QUEUED, ORDERED, PAID) a slot
-- (1..quantity of its SKU) is held once, a member holds the numbers 1..limit at most once each, and so does a delivery
-- address (its normalized receiver phone + address): a counter that lies can make an insert fail, never oversell.
create table flash_claim (
    id               bigint generated always as identity primary key,
    sale_id          bigint       not null references flash_sale (id),
    sku_id           bigint       not null references sku (id),
    slot             int          not null check (slot >= 1),
    member_id        bigint       not null references account (id),
    address_id       bigint       not null,
    address_key      varchar(64)  not null,
    nth_for_member   int          not null check (nth_for_member between 1 and 10),
    nth_for_address  int          not null check (nth_for_address between 1 and 10),
    idempotency_key  varchar(100),
    shop_code        varchar(12),
    unit_price_fen   bigint       not null check (unit_price_fen > 0),
    status           varchar(12)  not null check (status in ('QUEUED', 'ORDERED', 'PAID', 'FAILED', 'RELEASED')),
    failure          varchar(60),
    checkout_number  varchar(32),
    order_number     varchar(32)  unique,
    pay_before       timestamptz,
    created_at       timestamptz  not null,
    ordered_at       timestamptz,
    paid_at          timestamptz,
    released_at      timestamptz
);
create unique index flash_claim_live_slot on flash_claim (sale_id, sku_id, slot) where status in ('QUEUED', 'ORDERED', 'PAID');
create unique index flash_claim_live_member_nth on flash_claim (sale_id, member_id, nth_for_member) where status in ('QUEUED', 'ORDERED', 'PAID');
create unique index flash_claim_live_address_nth on flash_claim (sale_id, address_key, nth_for_address) where status in ('QUEUED', 'ORDERED', 'PAID');
create unique index flash_claim_one_per_key on flash_claim (sale_id, member_id, idempotency_key);
create index flash_claim_queued on flash_claim (id) where status = 'QUEUED';
create index flash_claim_by_sale on flash_claim (sale_id, status);
