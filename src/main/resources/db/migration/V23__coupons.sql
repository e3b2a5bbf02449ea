-- Issue 10: coupons (优惠券). A template is what the operator (platform-funded, supplier_id null) or a supplier's staff
-- (supplier-funded) offers; a member coupon is one a member holds, its terms copied from the template when claimed (so
-- editing or ending a template never changes a coupon already held) or given by another module (a red packet) with
-- its source named.
create table coupon_template (
    id               bigint generated always as identity primary key,
    supplier_id      bigint      references supplier (id),
    title            varchar(30) not null,
    kind             text        not null check (kind in ('AMOUNT_OFF', 'PERCENT_OFF', 'NO_THRESHOLD')),
    amount_fen       bigint      check (amount_fen > 0),
    threshold_fen    bigint      not null default 0 check (threshold_fen >= 0),
    percent_off      int         check (percent_off between 1 and 99),
    cap_fen          bigint      check (cap_fen > 0),
    scope            text        not null check (scope in ('PLATFORM', 'SUPPLIER', 'CATEGORY', 'PRODUCT')),
    target_id        bigint,
    -- validity: a fixed window (valid_from, valid_until) or valid_days after claiming
    valid_from       timestamptz,
    valid_until      timestamptz,
    valid_days       int         check (valid_days between 1 and 365),
    total_quantity   int         not null check (total_quantity >= 1),
    per_member_limit int         not null check (per_member_limit >= 1),
    claimed          int         not null default 0,
    new_member       boolean     not null default false,
    status           text        not null check (status in ('ACTIVE', 'ENDED')),
    created_at       timestamptz not null,
    ended_at         timestamptz,
    -- the claim limit is the database's: a guarded "claimed = claimed + 1 where claimed < total_quantity" and this
    constraint coupon_template_within_total check (claimed between 0 and total_quantity),
    constraint coupon_template_terms check (
        (kind = 'AMOUNT_OFF' and amount_fen is not null and threshold_fen > amount_fen and percent_off is null and cap_fen is null)
        or (kind = 'NO_THRESHOLD' and amount_fen is not null and threshold_fen = 0 and percent_off is null and cap_fen is null)
        or (kind = 'PERCENT_OFF' and amount_fen is null and percent_off is not null and cap_fen is not null)),
    constraint coupon_template_target check ((scope = 'PLATFORM') = (target_id is null)),
    constraint coupon_template_validity check (
        (valid_days is null and valid_from is not null and valid_until is not null and valid_until > valid_from)
        or (valid_days is not null and valid_from is null and valid_until is null))
);
create index coupon_template_issuer on coupon_template (supplier_id, id);

create table member_coupon (
    id            bigint generated always as identity primary key,
    member_id     bigint      not null references account (id),
    template_id   bigint      references coupon_template (id),
    -- the n-th coupon of this template the member holds: with the unique constraint below, two simultaneous claims
    -- by one member can never both take the last allowed slot
    claim_no      int,
    -- who gave it when not a template claim (e.g. 'redpacket:7'), told back in CouponUsed
    source        text        check (source is null or length(source) between 1 and 60),
    supplier_id   bigint      references supplier (id),
    title         varchar(30) not null,
    kind          text        not null check (kind in ('AMOUNT_OFF', 'PERCENT_OFF', 'NO_THRESHOLD')),
    amount_fen    bigint,
    threshold_fen bigint      not null default 0,
    percent_off   int,
    cap_fen       bigint,
    scope         text        not null check (scope in ('PLATFORM', 'SUPPLIER', 'CATEGORY', 'PRODUCT')),
    target_id     bigint,
    valid_from    timestamptz not null,
    valid_until   timestamptz not null check (valid_until > valid_from),
    state         text        not null check (state in ('UNUSED', 'LOCKED', 'USED')),
    -- the order it is locked to or was used on (ordering's number and id, never a foreign key into its tables)
    order_id      bigint,
    order_number  text,
    discount_fen  bigint      check (discount_fen > 0),
    claimed_at    timestamptz not null,
    used_at       timestamptz,
    unique (template_id, member_id, claim_no),
    constraint member_coupon_from_somewhere check ((template_id is null) = (claim_no is null) and (template_id is not null or source is not null)),
    constraint member_coupon_locked_to_order check ((state = 'UNUSED') = (order_id is null))
);
create index member_coupon_of_member on member_coupon (member_id, state, valid_until);
create index member_coupon_of_order on member_coupon (order_id) where order_id is not null;
create index member_coupon_of_template on member_coupon (template_id, state) where template_id is not null;
