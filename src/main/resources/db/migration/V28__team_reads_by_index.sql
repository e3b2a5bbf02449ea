-- Team reads that do not grow with membership. A binding also names the member's level-2 upline (the referrer's
-- referrer) and until when the referrer's own binding holds, so a member's level-2 team is one index range read newest
-- first and stopped at the page size, like the level-1 team, instead of a join over every binding of every level-1
-- member followed by a sort (one table, so the planner estimates the range right and takes the index for a LIMIT).
-- Kept by Referrals.bind / rebind in the transaction that writes a binding, under the binding lock.
alter table referral_binding add column upline2_id bigint references account (id);
alter table referral_binding add column upline2_expires_at timestamptz;

update referral_binding b set upline2_id = r.referrer_id, upline2_expires_at = r.expires_at
from referral_binding r where r.member_id = b.referrer_id;

-- level 1 newest first (replaces the plain referrer index: same leading column)
create index referral_binding_level1 on referral_binding (referrer_id, bound_at desc, member_id desc);
drop index referral_binding_by_referrer;
-- level 2 newest first
create index referral_binding_level2 on referral_binding (upline2_id, bound_at desc, member_id desc) where upline2_id is not null;
