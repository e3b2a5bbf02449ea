-- Catalog: platform settings, suppliers and their staff, two-level categories, products, SKUs.
create extension if not exists pg_trgm;

create table platform_setting (
    name       varchar(60) primary key,
    value      bigint      not null,
    updated_at timestamptz not null,
    updated_by bigint
);

create table supplier (
    id                   bigint generated always as identity primary key,
    name                 varchar(60)  not null,
    contact_name         varchar(30)  not null,
    contact_phone        varchar(11)  not null,
    licence_no           varchar(18)  not null unique,
    deposit_fen          bigint       not null default 0 check (deposit_fen >= 0),
    status               varchar(16)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED')),
    review_reason        varchar(200),
    applicant_account_id bigint       not null references account (id),
    reviewed_by          bigint references account (id),
    reviewed_at          timestamptz,
    created_at           timestamptz  not null
);
-- one open application per applicant
create unique index supplier_one_pending_per_applicant on supplier (applicant_account_id) where status = 'PENDING';

create table supplier_staff (
    supplier_id bigint not null references supplier (id),
    account_id  bigint not null unique references account (id),
    primary key (supplier_id, account_id)
);

create table category (
    id        bigint generated always as identity primary key,
    parent_id bigint references category (id),
    name      varchar(20) not null,
    icon      varchar(40) not null default 'bi-bag',
    position  int         not null default 0
);
create unique index category_unique_name on category (coalesce(parent_id, 0), name);

create table supplier_category (
    supplier_id bigint not null references supplier (id),
    category_id bigint not null references category (id),
    primary key (supplier_id, category_id)
);

create table product (
    id            bigint generated always as identity primary key,
    supplier_id   bigint       not null references supplier (id),
    category_id   bigint       not null references category (id),
    name          varchar(60)  not null,
    subtitle      varchar(120) not null default '',
    description   text         not null default '',
    attributes    jsonb        not null default '[]',
    status        varchar(16)  not null check (status in ('DRAFT', 'PENDING_REVIEW', 'ON_SALE', 'REJECTED', 'OFF_SALE')),
    review_reason varchar(200),
    sales_count   int          not null default 0 check (sales_count >= 0),
    published_at  timestamptz,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       int          not null default 0
);
create index product_on_sale on product (status, published_at desc);
create index product_category on product (category_id) where status = 'ON_SALE';
-- trigram index: substring search that works for Chinese as well as Latin text
create index product_name_trgm on product using gin (name gin_trgm_ops);

create table product_image (
    product_id bigint       not null references product (id) on delete cascade,
    position   int          not null,
    url        varchar(200) not null,
    primary key (product_id, position)
);

create table sku (
    id               bigint generated always as identity primary key,
    product_id       bigint      not null references product (id) on delete cascade,
    position         int         not null,
    spec             varchar(40) not null,
    retail_fen       bigint      not null check (retail_fen > 0),
    supply_fen       bigint      not null check (supply_fen > 0),
    commission_kind  varchar(8)  not null check (commission_kind in ('FIXED', 'RATE')),
    commission_value bigint      not null check (commission_value >= 0),
    stock            int         not null check (stock >= 0),
    unique (product_id, spec)
);
