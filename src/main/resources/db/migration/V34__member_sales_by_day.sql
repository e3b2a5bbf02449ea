-- Own sales through a member's shop, per day of the display zone, kept by commission when an order completes (in the
-- transaction that settles its commissions: counted once). The tier check sums at most a period's days instead of every
-- line ever sold through the shop, so settling an order no longer slows down as a sharer's history grows.
create table member_sales_day (
    member_id bigint not null,
    day       date   not null,
    sales_fen bigint not null,
    primary key (member_id, day)
);

-- what completed orders sold before this table existed, by day of the display zone (kinshop.time-zone)
insert into member_sales_day (member_id, day, sales_fen)
select s.owner_account_id, (o.completed_at at time zone '${display_zone}')::date, sum(l.paid_fen - l.refunded_goods_fen)
from order_line l join orders o on o.id = l.order_id join shop s on s.code = l.shop_code
where o.status = 'COMPLETED' and o.completed_at is not null
group by 1, 2;
