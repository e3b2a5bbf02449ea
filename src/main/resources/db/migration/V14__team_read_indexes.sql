-- Lines sold through a member's shop. Read by the member centre (我的收益: orders through my links) and, on every
-- completed order, by the tier promotion check of each beneficiary (own sales through their shop). Without it both
-- scan every order line ever sold: with 100,000 lines that made promotion checks the larger part of settling an order.
create index order_line_by_shop_code on order_line (shop_code) where shop_code is not null;
