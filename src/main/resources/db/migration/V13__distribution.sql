-- Distribution (分销): who referred whom, the operator's policy, tiers, commissions and withdrawals.

-- One referrer per member, set once (never by a later link); an operator rebind is a new row in the audit, not a
-- silent update. expires_at is null for a lifetime lock (终身锁定).
create table referral_binding (
    member_id   bigint       primary key references account (id),
    referrer_id bigint       not null references account (id),
    source      varchar(16)  not null check (source in ('SHARE_LINK', 'INVITE_CODE', 'FIRST_ORDER', 'OPERATOR')),
    shop_code   varchar(12),
    bound_at    timestamptz  not null,
    expires_at  timestamptz,
    check (member_id <> referrer_id)
);
create index referral_binding_by_referrer on referral_binding (referrer_id);

create table referral_rebind_audit (
    id            bigint generated always as identity primary key,
    member_id     bigint       not null references account (id),
    old_referrer  bigint       references account (id),
    new_referrer  bigint       not null references account (id),
    operator_id   bigint       not null references account (id),
    reason        varchar(200) not null,
    at            timestamptz  not null
);

-- The operator's distribution policy: one row.
create table distribution_policy (
    id                  int          primary key check (id = 1),
    depth               int          not null check (depth between 1 and 3),
    three_level_allowed boolean      not null,
    self_purchase       boolean      not null,
    bind_at             varchar(16)  not null check (bind_at in ('SIGN_IN', 'FIRST_ORDER')),
    lock_days           int          check (lock_days is null or lock_days > 0),
    min_withdrawal_fen  bigint       not null check (min_withdrawal_fen > 0),
    daily_limit_fen     bigint       not null check (daily_limit_fen > 0),
    withdrawal_fee_bp   int          not null check (withdrawal_fee_bp between 0 and 2000),
    auto_approve_below_fen bigint    not null check (auto_approve_below_fen >= 0),
    check (depth < 3 or three_level_allowed),
    updated_by          bigint       references account (id),
    updated_at          timestamptz  not null
);
insert into distribution_policy (id, depth, three_level_allowed, self_purchase, bind_at, lock_days, min_withdrawal_fen, daily_limit_fen,
                                 withdrawal_fee_bp, auto_approve_below_fen, updated_at)
values (1, 2, false, true, 'SIGN_IN', null, 1000, 500000, 0, 10000, now());

-- Tiers: shares of a line's commission budget per level. Rules are data; no tier can be bought.
create table tier (
    code              varchar(20)  primary key,
    name              varchar(20)  not null,
    rank              int          not null unique,
    level1_share_bp   int          not null check (level1_share_bp between 0 and 10000),
    level2_share_bp   int          not null check (level2_share_bp between 0 and 10000),
    level3_share_bp   int          not null default 0 check (level3_share_bp between 0 and 10000),
    min_own_sales_fen bigint       not null default 0,
    min_direct_invitees int        not null default 0,
    min_team_sales_fen bigint      not null default 0,
    period_days       int          not null default 30 check (period_days > 0),
    check (level1_share_bp + level2_share_bp + level3_share_bp <= 10000)
);
insert into tier (code, name, rank, level1_share_bp, level2_share_bp, min_own_sales_fen, min_direct_invitees, min_team_sales_fen) values
    ('MEMBER', '会员', 1, 6000, 2000, 0, 0, 0),
    ('OWNER', '店主', 2, 6500, 2000, 100000, 0, 0),
    ('MANAGER', '店长', 3, 7000, 2500, 500000, 5, 1000000);

create table member_tier (
    member_id  bigint       primary key references account (id),
    tier_code  varchar(20)  not null references tier (code),
    since      timestamptz  not null
);

-- One commission per (order line, beneficiary, level): a database rule. Rate and base are snapshotted at payment.
create table commission (
    id             bigint generated always as identity primary key,
    order_id       bigint       not null references orders (id),
    order_line_id  bigint       not null references order_line (id),
    beneficiary_id bigint       not null references account (id),
    buyer_id       bigint       not null references account (id),
    level          int          not null check (level between 1 and 3),
    tier_code      varchar(20)  not null,
    rate_bp        int          not null,
    base_fen       bigint       not null check (base_fen >= 0),
    amount_fen     bigint       not null check (amount_fen >= 0),
    cancelled_fen  bigint       not null default 0,
    clawed_back_fen bigint      not null default 0,
    status         varchar(12)  not null check (status in ('ESTIMATED', 'SETTLED', 'CANCELLED', 'HELD')),
    created_at     timestamptz  not null,
    settled_at     timestamptz,
    unique (order_line_id, beneficiary_id, level),
    check (cancelled_fen + clawed_back_fen <= amount_fen)
);
create index commission_by_beneficiary on commission (beneficiary_id, id desc);
create index commission_by_order on commission (order_id);

create table withdrawal (
    id            bigint generated always as identity primary key,
    number        varchar(24)  not null unique,
    member_id     bigint       not null references account (id),
    amount_fen    bigint       not null check (amount_fen > 0),
    fee_fen       bigint       not null check (fee_fen >= 0),
    status        varchar(12)  not null check (status in ('REQUESTED', 'APPROVED', 'PAID', 'FAILED', 'REJECTED')),
    payout_id     varchar(64),
    reason        varchar(200),
    created_at    timestamptz  not null,
    decided_by    bigint       references account (id),
    decided_at    timestamptz,
    paid_at       timestamptz
);
create index withdrawal_by_member on withdrawal (member_id, id desc);
create index withdrawal_pending on withdrawal (status) where status in ('REQUESTED', 'APPROVED');

-- Fraud flags: a commission that looks abusive is held (not settled) until the operator releases or voids it.
create table commission_flag (
    id            bigint generated always as identity primary key,
    commission_id bigint       not null references commission (id),
    reason        varchar(20)  not null check (reason in ('OWN_ACCOUNTS', 'MUTUAL_EARNING', 'REFUND_PATTERN')),
    detail        varchar(200) not null,
    created_at    timestamptz  not null,
    resolution    varchar(10)  check (resolution in ('RELEASED', 'VOIDED')),
    resolved_by   bigint       references account (id),
    resolved_at   timestamptz,
    unique (commission_id, reason)
);
create index commission_flag_open on commission_flag (created_at) where resolution is null;
