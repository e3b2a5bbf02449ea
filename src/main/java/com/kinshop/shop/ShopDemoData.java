package com.kinshop.shop;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductCard;
import com.kinshop.catalog.ProductSort;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.shared.DemoDataSeeder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Three members with open shops and picks, and some visits through their links. */
@Component
@Order(30)
class ShopDemoData implements DemoDataSeeder {

    private record DemoShop(String ownerPhone, String code, String name, String intro, int firstPick, int picks, int visits) {
    }

    private static final List<DemoShop> SHOPS = List.of(
            new DemoShop("13800000001", "xiaoyu", "晓雨的好物铺", "宝妈一枚，只推荐自家在用的好东西 ❤", 0, 8, 46),
            new DemoShop("13800000002", "dachui", "大锤严选", "吃货的自我修养：零食、茶叶、粮油，闭眼入", 4, 7, 23),
            new DemoShop("13800000003", "meimei", "美美生活馆", "家居收纳和护肤，让生活更美一点", 17, 6, 12));

    private final Shops shops;
    private final Accounts accounts;
    private final Catalog catalog;
    private final ShareVisits visits;

    ShopDemoData(Shops shops, Accounts accounts, Catalog catalog, ShareVisits visits) {
        this.shops = shops;
        this.accounts = accounts;
        this.catalog = catalog;
        this.visits = visits;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public void seed() {
        List<ProductCard> pool = catalog.search("", null, ProductSort.NEWEST, 200);
        for (DemoShop demo : SHOPS) {
            AccountId owner = accounts.findByPhone(demo.ownerPhone()).orElseThrow().id();
            if (shops.ownedBy(owner).isPresent()) {
                continue;
            }
            ShopView shop = shops.open(owner, new ShopForm(demo.name(), demo.code(), demo.intro()));
            pool.stream().skip(demo.firstPick()).limit(demo.picks()).forEach(card -> shops.pick(owner, card.id()));
            for (int i = 0; i < demo.visits(); i++) {
                UUID visitor = new UUID(demo.code().hashCode(), i % (demo.visits() / 2 + 1));
                if (i % 3 == 0) {
                    visits.recordNow(shop.id(), ShareVisits.Target.SHOP, null, visitor);
                } else {
                    visits.recordNow(shop.id(), ShareVisits.Target.PRODUCT, pool.get((demo.firstPick() + i) % pool.size()).id(), visitor);
                }
            }
        }
    }
}
