-- Reviews (评价): one per received order line (the unique constraint decides, never a prior lookup), never edited or
-- deleted. status says whether its stars count: FLAGGED (a brushing signal fired; excluded until an operator decides),
-- COUNTED, or BRUSHED (confirmed; never counts). Hiding illegal content is separate (hidden_reason) and keeps the stars.
create table review (
    id              bigint generated always as identity primary key,
    order_line_id   bigint       not null,
    order_number    varchar(32)  not null,
    product_id      bigint       not null references product (id),
    supplier_id     bigint       not null references supplier (id),
    buyer_id        bigint       not null references account (id),
    spec            varchar(100) not null,
    product_stars   smallint     not null check (product_stars between 1 and 5),
    logistics_stars smallint     not null check (logistics_stars between 1 and 5),
    service_stars   smallint     not null check (service_stars between 1 and 5),
    text            varchar(500) not null,
    anonymous       boolean      not null,
    refunded        boolean      not null default false,
    has_images      boolean      not null default false,
    helpful_count   int          not null default 0 check (helpful_count >= 0),
    status          varchar(10)  not null check (status in ('FLAGGED', 'COUNTED', 'BRUSHED')),
    flag_reasons    varchar(200),
    decided_by      bigint references account (id),
    decided_at      timestamptz,
    hidden_reason   varchar(20),
    hidden_at       timestamptz,
    received_at     timestamptz  not null,
    created_at      timestamptz  not null,
    constraint review_one_per_line unique (order_line_id)
);
create index review_by_product on review (product_id, status, id desc);
create index review_by_supplier on review (supplier_id, id desc);
create index review_by_buyer on review (buyer_id, id desc);
create index review_flagged on review (id) where status = 'FLAGGED';

-- The one follow-up (追评) per review: its primary key is the review.
create table review_follow_up (
    review_id     bigint       primary key references review (id),
    text          varchar(500) not null,
    hidden_reason varchar(20),
    hidden_at     timestamptz,
    created_at    timestamptz  not null
);

-- The supplier's one reply to the review (part REVIEW) and one to the follow-up (part FOLLOW_UP): the key decides.
create table review_reply (
    review_id     bigint       not null references review (id),
    part          varchar(10)  not null check (part in ('REVIEW', 'FOLLOW_UP')),
    author_id     bigint       not null references account (id),
    text          varchar(500) not null,
    hidden_reason varchar(20),
    hidden_at     timestamptz,
    created_at    timestamptz  not null,
    primary key (review_id, part)
);

create table review_image (
    review_id bigint        not null references review (id),
    part      varchar(10)   not null check (part in ('REVIEW', 'FOLLOW_UP')),
    position  smallint      not null check (position between 1 and 9),
    url       varchar(300)  not null,
    primary key (review_id, part, position)
);

-- Helpful votes (有用): one per account per review.
create table review_helpful (
    review_id  bigint      not null references review (id),
    account_id bigint      not null references account (id),
    created_at timestamptz not null,
    primary key (review_id, account_id)
);

-- The operator's moderation, append-only: who hid what, when, and why. One hide per piece of content.
create table review_moderation (
    id          bigint generated always as identity primary key,
    review_id   bigint      not null references review (id),
    target      varchar(16) not null check (target in ('REVIEW', 'FOLLOW_UP', 'REPLY', 'FOLLOW_UP_REPLY')),
    reason      varchar(20) not null,
    operator_id bigint      not null references account (id),
    at          timestamptz not null,
    constraint review_moderation_once unique (review_id, target)
);

-- Ratings per product, from counted reviews only, updated in the transaction in which a review starts to count.
create table product_rating (
    product_id   bigint primary key references product (id),
    review_count int    not null default 0,
    star_sum     bigint not null default 0,
    stars_1      int    not null default 0,
    stars_2      int    not null default 0,
    stars_3      int    not null default 0,
    stars_4      int    not null default 0,
    stars_5      int    not null default 0,
    with_images  int    not null default 0,
    follow_ups   int    not null default 0,
    negative     int    not null default 0
);
