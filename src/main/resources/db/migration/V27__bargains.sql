-- Issue 11: bargain (砍价). A supplier's campaign on one SKU (operator-approved): the floor price, the friends needed,
-- each bargain's time limit, the units set aside. The product's name, spec, picture and normal price are copied when the
-- campaign is created (the SKU's price may change later; a campaign's prices do not).
-- Units: reserved while a bargain's order awaits payment, sold once paid; available = units - sold - reserved, and the
-- guarded updates ("sold + reserved < units") with the check below never let more be ordered than set aside.
create table bargain_campaign (
    id               bigint generated always as identity primary key,
    supplier_id      bigint       not null references supplier (id),
    sku_id           bigint       not null references sku (id),
    product_id       bigint       not null,
    product_name     text         not null,
    spec             text         not null,
    image_url        text,
    normal_fen       bigint       not null check (normal_fen > 0),
    floor_fen        bigint       not null check (floor_fen > 0),
    helpers_needed   int          not null check (helpers_needed between 1 and 50),
    time_limit_s     bigint       not null check (time_limit_s between 3600 and 604800),
    units            int          not null check (units between 1 and 10000),
    sold             int          not null default 0 check (sold >= 0),
    reserved         int          not null default 0 check (reserved >= 0),
    per_member_limit int          not null check (per_member_limit between 1 and 10),
    new_members_only boolean      not null default false,
    starts_at        timestamptz  not null,
    ends_at          timestamptz  not null check (ends_at > starts_at),
    status           varchar(20)  not null check (status in ('PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'ENDED')),
    decision_reason  varchar(200),
    created_by       bigint       not null references account (id),
    created_at       timestamptz  not null,
    decided_at       timestamptz,
    ended_at         timestamptz,
    constraint bargain_campaign_floor_below_normal check (floor_fen < normal_fen),
    constraint bargain_campaign_units_accounted check (sold + reserved <= units)
);
create index bargain_campaign_by_supplier on bargain_campaign (supplier_id, id desc);
create index bargain_campaign_open on bargain_campaign (ends_at) where status in ('PENDING_APPROVAL', 'APPROVED');

-- One member's bargain. seq numbers the member's bargains in a campaign (1..per_member_limit), so two starts at once
-- never pass the limit. cuts_total cuts (the schedule in bargain_cut) take current_fen from normal_fen to floor_fen;
-- cuts_taken of them are taken, always in order.
create table bargain (
    id              bigint generated always as identity primary key,
    campaign_id     bigint       not null references bargain_campaign (id),
    starter_id      bigint       not null references account (id),
    seq             int          not null check (seq >= 1),
    normal_fen      bigint       not null,
    floor_fen       bigint       not null,
    current_fen     bigint       not null,
    cuts_total      int          not null check (cuts_total >= 1),
    cuts_taken      int          not null default 0,
    status          varchar(12)  not null check (status in ('IN_PROGRESS', 'AT_FLOOR', 'ORDERED', 'BOUGHT', 'EXPIRED')),
    expires_at      timestamptz  not null,
    order_number    varchar(32),
    checkout_number varchar(32),
    ordered_fen     bigint,
    started_at      timestamptz  not null,
    ended_at        timestamptz,
    unique (campaign_id, starter_id, seq),
    constraint bargain_never_below_floor check (current_fen between floor_fen and normal_fen),
    constraint bargain_cuts_within_schedule check (cuts_taken between 0 and cuts_total)
);
create index bargain_of_starter on bargain (starter_id, id desc);
create index bargain_of_campaign on bargain (campaign_id, status);
create index bargain_due on bargain (expires_at) where status in ('IN_PROGRESS', 'AT_FLOOR');
create index bargain_of_order on bargain (order_number) where order_number is not null;

-- The schedule decided at the start: cut idx (1..cuts_total) of amount_fen, taken by helper_id. One help per friend per
-- bargain is this table's unique constraint, not a prior select.
create table bargain_cut (
    bargain_id bigint      not null references bargain (id),
    idx        int         not null check (idx >= 1),
    amount_fen bigint      not null check (amount_fen >= 1),
    helper_id  bigint      references account (id),
    helped_at  timestamptz,
    primary key (bargain_id, idx),
    constraint bargain_cut_one_help_per_friend unique (bargain_id, helper_id),
    constraint bargain_cut_taken_with_time check ((helper_id is null) = (helped_at is null))
);
