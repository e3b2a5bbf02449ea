-- Micro-shops, their picks, and visits through share links.
create table shop (
    id               bigint generated always as identity primary key,
    owner_account_id bigint       not null unique references account (id),
    code             varchar(12)  not null unique,
    name             varchar(30)  not null,
    intro            varchar(200) not null default '',
    avatar           varchar(200),
    created_at       timestamptz  not null
);

create table shop_pick (
    shop_id    bigint      not null references shop (id) on delete cascade,
    product_id bigint      not null references product (id),
    position   int         not null,
    picked_at  timestamptz not null,
    primary key (shop_id, product_id)
);

create table share_visit (
    id          bigint generated always as identity primary key,
    shop_id     bigint      not null references shop (id),
    target_type varchar(8)  not null check (target_type in ('SHOP', 'PRODUCT')),
    product_id  bigint,
    visitor_id  uuid        not null,
    visited_at  timestamptz not null
);
create index share_visit_by_shop on share_visit (shop_id, visited_at);
