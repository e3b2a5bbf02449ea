-- Supplier red packets (红包): a campaign's budget is held on the ledger from the supplier's payable; members claim
-- random amounts between the bounds (each a no-threshold coupon on the supplier's products) while the budget lasts.
-- remaining_fen is the budget not yet claimed: a claim takes its amount with a guarded update (remaining >= amount),
-- and the end of the campaign returns what is left (unclaimed_returned_fen) and sets it to zero.
create table red_packet_campaign (
    id                     bigint generated always as identity primary key,
    supplier_id            bigint       not null references supplier (id),
    name                   varchar(40)  not null,
    budget_fen             bigint       not null check (budget_fen > 0),
    min_fen                bigint       not null check (min_fen > 0),
    max_fen                bigint       not null check (max_fen >= min_fen),
    per_member_limit       int          not null check (per_member_limit between 1 and 10),
    remaining_fen          bigint       not null check (remaining_fen >= 0 and remaining_fen <= budget_fen),
    claimed_count          int          not null default 0 check (claimed_count >= 0),
    unclaimed_returned_fen bigint       not null default 0 check (unclaimed_returned_fen >= 0),
    starts_at              timestamptz  not null,
    ends_at                timestamptz  not null check (ends_at > starts_at),
    status                 varchar(12)  not null check (status in ('SCHEDULED', 'RUNNING', 'ENDED', 'SETTLED')),
    created_by             bigint       not null references account (id),
    created_at             timestamptz  not null,
    ended_at               timestamptz,
    settled_at             timestamptz
);
create index red_packet_campaign_by_supplier on red_packet_campaign (supplier_id, id desc);
create index red_packet_campaign_open on red_packet_campaign (ends_at) where status in ('SCHEDULED', 'RUNNING', 'ENDED');

-- One row per packet won. seq numbers a member's claims in a campaign (1..per_member_limit), so the database refuses
-- a claim beyond the limit even when a member taps twice at once. The packet's hold leaves the campaign once: spent
-- (its coupon paid for an order) or returned to the supplier when it can no longer be spent.
create table red_packet_claim (
    id           bigint generated always as identity primary key,
    campaign_id  bigint       not null references red_packet_campaign (id),
    member_id    bigint       not null references account (id),
    seq          int          not null check (seq >= 1),
    amount_fen   bigint       not null check (amount_fen > 0),
    coupon_id    bigint,
    status       varchar(12)  not null check (status in ('CLAIMED', 'SPENT', 'RETURNED')),
    order_number varchar(32),
    claimed_at   timestamptz  not null,
    settled_at   timestamptz,
    unique (campaign_id, member_id, seq)
);
create index red_packet_claim_by_member on red_packet_claim (member_id, id desc);
create index red_packet_claim_by_coupon on red_packet_claim (coupon_id);
