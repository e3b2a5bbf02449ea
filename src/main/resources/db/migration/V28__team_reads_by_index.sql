-- Team reads that do not grow with membership. A binding also names the member's level-2 upline (the referrer's
-- referrer as stored when either binding was last written; the reads still check that the level-1 binding holds), so
-- a member's level-2 team is an index range like their level-1 team, newest first, instead of a join over every
-- binding of every level-1 member followed by a sort. Kept by Referrals.bind / rebind in the transaction that
-- changes a binding, under the binding lock.
alter table referral_binding add column upline2_id bigint references account (id);

update referral_binding b set upline2_id = r.referrer_id
from referral_binding r where r.member_id = b.referrer_id;

-- level 1 newest first (replaces the plain referrer index: same leading column)
create index referral_binding_level1 on referral_binding (referrer_id, bound_at desc, member_id desc);
drop index referral_binding_by_referrer;
-- level 2 newest first
create index referral_binding_level2 on referral_binding (upline2_id, bound_at desc, member_id desc) where upline2_id is not null;
