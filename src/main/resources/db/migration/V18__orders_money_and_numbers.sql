-- Issue 9 (orders): business numbers from a sequence (see BusinessNumbers)
create sequence business_number_seq;

-- What was refunded of the goods, apart from shipping refunded with the last units: sales figures are goods, so
-- "goods - refunded" must not subtract shipping (a fully refunded order showed -¥10.00 of sales).
alter table orders add column refunded_goods_fen bigint not null default 0;
update orders o set refunded_goods_fen = (select coalesce(sum(l.unit_price_fen * l.refunded_quantity), 0) from order_line l where l.order_id = o.id);
alter table orders add constraint orders_refunded_goods_within_goods check (refunded_goods_fen between 0 and goods_fen and refunded_goods_fen <= refunded_fen);

-- Where each supplier takes returns (退货地址), and the copy an approved return keeps for the buyer.
create table supplier_return_address (
    supplier_id bigint       primary key references supplier (id),
    name        varchar(20)  not null,
    phone       varchar(11)  not null,
    address     varchar(200) not null,
    updated_at  timestamptz  not null
);
alter table after_sale add column return_to_name    varchar(20);
alter table after_sale add column return_to_phone   varchar(11);
alter table after_sale add column return_to_address varchar(200);
-- demo suppliers seeded before this migration get the return addresses CatalogDemoData gives new ones
insert into supplier_return_address (supplier_id, name, phone, address, updated_at)
select id, '李经理', '13900000001', '广东省广州市白云区太和镇良品工坊仓库 3 号门', now() from supplier where licence_no = '91330100MA2KDEMO01'
union all
select id, '周店长', '13900000002', '四川省成都市郫都区安德镇山野优选合作社仓库', now() from supplier where licence_no = '91510100MA6KDEMO02';
