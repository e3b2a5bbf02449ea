-- Scores and credit (issue 14). The credit module keeps its own counters, fed by events (reviews, orders, complaints,
-- deposits); it never reads the publishers' tables. Catalog owns product.composite_score, set through Catalog's API.

-- The composite score (综合评分, 0-100) the 综合 sort orders by. A product without events has the prior's score
-- (platform mean 4 stars → 75); the index serves "sellable, best composite first".
alter table product add column composite_score numeric(6, 2) not null default 75;
create index product_composite_idx on product (composite_score desc, id desc) where status = 'ON_SALE';

-- One row per event already counted: a redelivery by the publication registry finds its key and counts nothing.
create table credit_counted_event (
    event_key  varchar(120) primary key,
    counted_at timestamptz  not null
);

-- Per product: counted reviews, units sold and refunded, upheld complaints.
create table credit_product_counter (
    product_id         bigint primary key,
    supplier_id        bigint  not null,
    review_count       integer not null default 0,
    star_sum           bigint  not null default 0,
    units_sold         integer not null default 0,
    units_refunded     integer not null default 0,
    lines_sold         integer not null default 0,
    complaints_upheld  integer not null default 0
);
create index credit_product_counter_supplier_idx on credit_product_counter (supplier_id);

-- Order lines as OrderPaid told them (line → product), so RefundGranted (line id only) finds its product;
-- refunded_quantity is the running total the events report, so only the increase is counted.
create table credit_order_line (
    order_line_id     bigint primary key,
    order_id          bigint  not null,
    product_id        bigint  not null,
    supplier_id       bigint  not null,
    quantity          integer not null,
    refunded_quantity integer not null default 0
);

-- Paid orders awaiting their shipment: the promised time is fixed at payment with the rules of that moment.
create table credit_order (
    order_id    bigint primary key,
    supplier_id bigint      not null,
    paid_at     timestamptz not null,
    ship_by     timestamptz not null,
    shipped_at  timestamptz,
    refunded    boolean     not null default false -- counted once in the after-sales rate, however many lines are refunded
);

-- Per supplier and day (UTC date of the event): a rolling window is a sum over at most window-days rows.
create table credit_supplier_day (
    supplier_id          bigint  not null,
    day                  date    not null,
    ratings              integer not null default 0,
    product_star_sum     integer not null default 0,
    logistics_star_sum   integer not null default 0,
    service_star_sum     integer not null default 0,
    orders_paid          integer not null default 0,
    orders_shipped       integer not null default 0,
    shipped_on_time      integer not null default 0,
    refunds_granted      integer not null default 0,
    complaints_upheld    integer not null default 0,
    deposit_deductions   integer not null default 0,
    deducted_fen         bigint  not null default 0,
    primary key (supplier_id, day)
);

-- Platform totals for the Bayesian prior (one row).
create table credit_platform_total (
    id           smallint primary key check (id = 1),
    review_count bigint not null default 0,
    star_sum     bigint not null default 0
);
insert into credit_platform_total (id) values (1);

-- The operator's rules (one row), edited with a preview.
create table credit_rules (
    id                  smallint primary key check (id = 1),
    window_days         integer      not null,
    promised_ship_hours integer      not null,
    prior_weight        integer      not null,
    rating_weight       integer      not null,
    ship_weight         integer      not null,
    after_sales_weight  integer      not null,
    complaint_points    integer      not null,
    deduction_points    integer      not null,
    flag_below          integer      not null,
    suspend_below       integer      not null,
    flagged_factor_pct  integer      not null,
    updated_by          bigint,
    updated_at          timestamptz  not null default now()
);
insert into credit_rules (id, window_days, promised_ship_hours, prior_weight, rating_weight, ship_weight, after_sales_weight,
                          complaint_points, deduction_points, flag_below, suspend_below, flagged_factor_pct)
values (1, 90, 48, 20, 50, 30, 20, 8, 5, 60, 40, 70);

-- Each supplier's standing as last computed: score, level, flag and suspension (and since when, for the operator's queue).
create table credit_standing (
    supplier_id     bigint primary key,
    score           integer     not null,
    level           varchar(16) not null,
    flagged         boolean     not null default false,
    suspended       boolean     not null default false,
    flagged_since   timestamptz,
    computed_at     timestamptz not null
);
create index credit_standing_flagged_idx on credit_standing (score) where flagged;
