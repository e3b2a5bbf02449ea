package com.kinshop.catalog;

import com.kinshop.catalog.CommissionBudget.Kind;
import com.kinshop.catalog.ProductForm.Attribute;
import com.kinshop.catalog.ProductForm.SkuForm;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.shared.DemoDataSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo catalog: categories, two approved suppliers with about thirty products through the real flows (create, image,
 * submit, approve), one product waiting for review, one rejected, and one pending supplier application.
 */
@Component
@Order(20)
class CatalogDemoData implements DemoDataSeeder {

    static final String FIRST_LICENCE = "91330100MA2KDEMO01";
    private static final Logger log = LoggerFactory.getLogger(CatalogDemoData.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Suppliers suppliers;
    private final Categories categories;
    private final SupplierProducts products;
    private final ProductReviews reviews;
    private final ReturnAddresses returnAddresses;
    private final Clock clock;

    CatalogDemoData(JdbcClient jdbc, Accounts accounts, Suppliers suppliers, Categories categories, SupplierProducts products,
                    ProductReviews reviews, ReturnAddresses returnAddresses, Clock clock) {
        this.returnAddresses = returnAddresses;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.suppliers = suppliers;
        this.categories = categories;
        this.products = products;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** The demo suppliers' return addresses (the same as migration V18 gives suppliers seeded before it). */
    private static final String[][] DEMO_RETURNS = {
            {"李经理", "13900000001", "广东省广州市白云区太和镇良品工坊仓库 3 号门"},
            {"周店长", "13900000002", "四川省成都市郫都区安德镇山野优选合作社仓库"}};

    private record Demo(int supplier, String category, String name, String subtitle, List<Attribute> attributes, List<SkuForm> skus, int sales) {
    }

    /** One transaction: an interrupted first start leaves nothing half-seeded behind. */
    @Override
    @org.springframework.transaction.annotation.Transactional
    public void seed() {
        if (jdbc.sql("select exists (select 1 from supplier where licence_no = ?)").param(FIRST_LICENCE).query(Boolean.class).single()) {
            return;
        }
        AccountId operator = account("13800000000");
        Map<String, CategoryId> leaf = new HashMap<>();
        Map<String, CategoryId> top = new HashMap<>();
        category(top, leaf, "食品生鲜", "bi-basket2", "新鲜水果", "休闲零食", "茶饮冲调", "粮油米面");
        category(top, leaf, "家居日用", "bi-house-heart", "厨房用品", "清洁用品", "收纳整理");
        category(top, leaf, "美妆个护", "bi-flower1", "护肤", "洗护");
        category(top, leaf, "母婴童装", "bi-balloon-heart", "婴童用品");

        SupplierId liangpin = supplier("13900000001", "良品工坊食品有限公司", "李经理", FIRST_LICENCE, 20_000, List.of(top.get("食品生鲜")), operator);
        SupplierId shanye = supplier("13900000002", "山野生活优选合作社", "周店长", "91510100MA6KDEMO02", 10_000,
                List.of(top.get("食品生鲜"), top.get("家居日用"), top.get("美妆个护")), operator);
        List<SupplierId> supplierIds = List.of(liangpin, shanye);
        returnAddresses.change(liangpin, new ReturnAddress(DEMO_RETURNS[0][0], DEMO_RETURNS[0][1], DEMO_RETURNS[0][2]));
        returnAddresses.change(shanye, new ReturnAddress(DEMO_RETURNS[1][0], DEMO_RETURNS[1][1], DEMO_RETURNS[1][2]));

        List<Demo> demos = demos();
        for (int i = 0; i < demos.size(); i++) {
            Demo demo = demos.get(i);
            SupplierId supplier = supplierIds.get(demo.supplier());
            ProductId id = products.create(supplier, new ProductForm(demo.name(), demo.subtitle(), leaf.get(demo.category()).value(),
                    "<p>" + demo.subtitle() + "。</p><p>厂家直发，<b>平台审核</b>，七天无理由退货。</p>", demo.attributes(), demo.skus()));
            products.addImage(supplier, id, DemoProductImage.draw(demo.name(), demo.category(), (i * 0.13f) % 1f));
            if (i == demos.size() - 1) {
                products.submitUngated(supplier, id); // left in the operator's review queue
                continue;
            }
            if (i == demos.size() - 2) {
                products.submitUngated(supplier, id);
                reviews.reject(operator, id, "主图不清晰，请上传白底实拍图");
                continue;
            }
            products.submitUngated(supplier, id);
            reviews.approve(operator, id);
            // spread the "new" dates over the last days, and give them some sales, so lists look lived-in
            jdbc.sql("update product set published_at = ?, sales_count = ? where id = ?")
                    .params(clock.instant().minus(Duration.ofHours(5L * i)).atOffset(ZoneOffset.UTC), demo.sales(), id.value()).update();
        }
        suppliers.apply(account("13800000005"), new SupplierApplication("晓敏手作工作室", "赵敏", "13800000005", "92440300MA5KDEMO03",
                List.of(top.get("家居日用").value()), 2_000));
        log.info("Demo catalog: 2 suppliers, {} products, 1 supplier application and 1 product awaiting review", demos.size());
    }

    private void category(Map<String, CategoryId> top, Map<String, CategoryId> leaf, String name, String icon, String... children) {
        CategoryId parent = categories.find(name, null).orElseGet(() -> categories.create(name, null, icon));
        top.put(name, parent);
        for (String child : children) {
            leaf.put(child, categories.find(child, parent).orElseGet(() -> categories.create(child, parent, icon)));
        }
    }

    private SupplierId supplier(String staffPhone, String name, String contact, String licence, int deposit, List<CategoryId> sells, AccountId operator) {
        AccountId staff = account(staffPhone);
        SupplierId id = suppliers.apply(staff, new SupplierApplication(name, contact, staffPhone, licence,
                sells.stream().map(CategoryId::value).toList(), deposit));
        suppliers.approve(operator, id);
        return id;
    }

    private AccountId account(String phone) {
        return accounts.findByPhone(phone).orElseThrow(() -> new IllegalStateException("Demo account " + phone + " is missing")).id();
    }

    private static SkuForm sku(String spec, long retail, long supply, Kind kind, long commission, int stock) {
        return new SkuForm(spec, retail, supply, kind, commission, stock);
    }

    private static List<Attribute> attrs(String... pairs) {
        return java.util.stream.IntStream.range(0, pairs.length / 2).mapToObj(i -> new Attribute(pairs[2 * i], pairs[2 * i + 1])).toList();
    }

    private static List<Demo> demos() {
        return List.of(
                new Demo(1, "新鲜水果", "赣南脐橙 现摘现发", "果园直采，酸甜多汁", attrs("产地", "江西赣州", "储存", "阴凉通风"),
                        List.of(sku("5斤装 单果65-70mm", 3990, 2300, Kind.RATE, 1500, 300), sku("10斤装 单果75-80mm", 6990, 4000, Kind.RATE, 1500, 200)), 1860),
                new Demo(1, "新鲜水果", "云南高原蓝莓 Jumbo果", "果径18mm+，冷链到家", attrs("产地", "云南澄江"),
                        List.of(sku("4盒装 125g/盒", 5990, 3600, Kind.RATE, 1200, 150)), 920),
                new Demo(1, "新鲜水果", "烟台红富士苹果", "脆甜爽口，一口爆汁", attrs("产地", "山东烟台"),
                        List.of(sku("5斤装", 2990, 1700, Kind.FIXED, 300, 400), sku("9斤装", 4590, 2700, Kind.FIXED, 500, 260)), 2410),
                new Demo(1, "新鲜水果", "海南贵妃芒", "树上熟，香甜软糯", attrs("产地", "海南三亚"),
                        List.of(sku("3斤装", 2590, 1500, Kind.RATE, 1500, 180)), 640),
                new Demo(0, "休闲零食", "每日坚果 30日装", "6种坚果果干科学配比", attrs("保质期", "180天", "净含量", "750g"),
                        List.of(sku("30袋 礼盒装", 8990, 5200, Kind.RATE, 1800, 500), sku("15袋 尝鲜装", 4990, 2900, Kind.RATE, 1800, 300)), 5230),
                new Demo(0, "休闲零食", "手撕牛肉干 内蒙古风干", "草原黄牛肉，原味/香辣", attrs("产地", "内蒙古锡林郭勒", "保质期", "240天"),
                        List.of(sku("原味 250g", 6900, 4100, Kind.RATE, 1500, 260), sku("香辣 250g", 6900, 4100, Kind.RATE, 1500, 240)), 3120),
                new Demo(0, "休闲零食", "黄油曲奇饼干 丹麦风味", "新鲜黄油，酥松掉渣", attrs("保质期", "300天"),
                        List.of(sku("908g 铁盒", 7900, 4600, Kind.FIXED, 900, 220)), 870),
                new Demo(0, "休闲零食", "无蔗糖海苔脆片", "儿童也能放心吃", attrs("保质期", "12个月"),
                        List.of(sku("10包装", 2990, 1650, Kind.RATE, 2000, 600)), 4410),
                new Demo(0, "休闲零食", "川味麻辣小鱼仔", "湖南平江特产，香辣下饭", attrs("产地", "湖南岳阳"),
                        List.of(sku("40包 约500g", 2490, 1350, Kind.RATE, 1800, 700)), 6120),
                new Demo(0, "休闲零食", "低脂魔芋爽 素毛肚", "0脂肪低热量零食", attrs("保质期", "9个月"),
                        List.of(sku("香辣 20包", 1990, 1050, Kind.RATE, 2000, 800)), 7340),
                new Demo(0, "茶饮冲调", "武夷山大红袍 岩茶", "正岩产区，传统炭焙", attrs("产地", "福建武夷山", "等级", "特级"),
                        List.of(sku("250g 礼盒", 16800, 9800, Kind.RATE, 1500, 120), sku("100g 品鉴装", 6800, 3900, Kind.RATE, 1500, 200)), 410),
                new Demo(0, "茶饮冲调", "西湖龙井 明前特级", "核心产区，豆香清新", attrs("产地", "浙江杭州"),
                        List.of(sku("250g", 19800, 12000, Kind.RATE, 1200, 90)), 350),
                new Demo(0, "茶饮冲调", "冻干咖啡粉 速溶黑咖", "3秒速溶，0蔗糖", attrs("保质期", "24个月"),
                        List.of(sku("24颗装", 5990, 3300, Kind.RATE, 2000, 400)), 2880),
                new Demo(0, "茶饮冲调", "宁夏枸杞原浆", "NFC鲜果直榨", attrs("产地", "宁夏中宁"),
                        List.of(sku("30ml×20袋", 12800, 7000, Kind.RATE, 2000, 150)), 760),
                new Demo(0, "粮油米面", "五常稻花香大米", "黑龙江五常核心产区新米", attrs("产地", "黑龙江五常", "等级", "一级"),
                        List.of(sku("5kg", 7990, 4800, Kind.FIXED, 800, 300), sku("10kg", 14900, 9200, Kind.FIXED, 1500, 150)), 1990),
                new Demo(0, "粮油米面", "古法压榨花生油", "物理压榨，浓香醇厚", attrs("产地", "山东临沂"),
                        List.of(sku("5L", 12900, 8200, Kind.RATE, 1200, 200)), 980),
                new Demo(0, "粮油米面", "手工空心挂面", "山西老手艺，筋道爽滑", attrs("保质期", "12个月"),
                        List.of(sku("1kg×3包", 3990, 2200, Kind.RATE, 1800, 350)), 1450),
                new Demo(1, "厨房用品", "304不锈钢保温饭盒", "双层分格，保温6小时", attrs("材质", "304不锈钢"),
                        List.of(sku("1.2L 奶油白", 6900, 3800, Kind.RATE, 2000, 260), sku("1.2L 雾霾蓝", 6900, 3800, Kind.RATE, 2000, 240)), 1320),
                new Demo(1, "厨房用品", "家用不粘炒锅 麦饭石", "少油烟，电磁炉通用", attrs("尺寸", "32cm"),
                        List.of(sku("32cm 带盖", 15900, 8900, Kind.RATE, 1800, 120)), 560),
                new Demo(1, "厨房用品", "硅胶保鲜盖 7件套", "各种碗盘都能盖", attrs("材质", "食品级硅胶"),
                        List.of(sku("7件套", 2990, 1500, Kind.RATE, 2500, 600)), 3890),
                new Demo(1, "清洁用品", "洗衣凝珠 持久留香", "三合一，除菌除螨", attrs("净含量", "52颗"),
                        List.of(sku("52颗×2盒", 5990, 3200, Kind.RATE, 2200, 500)), 4720),
                new Demo(1, "清洁用品", "厨房油污净 强力去油", "泡沫型，喷一喷就干净", attrs("净含量", "500ml"),
                        List.of(sku("500ml×3瓶", 3990, 2100, Kind.RATE, 2200, 450)), 2650),
                new Demo(1, "清洁用品", "加厚抽纸 原生木浆", "4层加厚，湿水不易破", attrs("规格", "120抽×24包"),
                        List.of(sku("24包 整箱", 4990, 3100, Kind.FIXED, 500, 800)), 8930),
                new Demo(1, "收纳整理", "可折叠衣物收纳箱", "大容量带盖，可叠放", attrs("材质", "牛津布"),
                        List.of(sku("66L 三只装", 7990, 4300, Kind.RATE, 2000, 200)), 1120),
                new Demo(1, "收纳整理", "真空压缩袋 羽绒被专用", "电泵抽气，节省80%空间", attrs("规格", "8袋+电泵"),
                        List.of(sku("8袋+电泵", 6990, 3700, Kind.RATE, 2200, 180)), 990),
                new Demo(1, "护肤", "玻尿酸补水面膜", "密集补水，服帖不滴液", attrs("净含量", "25ml×10片"),
                        List.of(sku("10片装", 6900, 3200, Kind.RATE, 2500, 500)), 5610),
                new Demo(1, "护肤", "氨基酸洗面奶", "温和清洁，敏感肌可用", attrs("净含量", "120g"),
                        List.of(sku("120g×2支", 7900, 3800, Kind.RATE, 2500, 400)), 3370),
                new Demo(1, "洗护", "控油蓬松洗发水 无硅油", "生姜精华，清爽一整天", attrs("净含量", "500ml"),
                        List.of(sku("500ml", 5900, 2900, Kind.RATE, 2500, 420)), 2200),
                new Demo(1, "洗护", "香氛沐浴露 白茶味", "留香12小时", attrs("净含量", "1L"),
                        List.of(sku("1L", 6900, 3500, Kind.RATE, 2200, 300)), 1780),
                new Demo(0, "休闲零食", "手工阿胶糕", "即食滋补，传统熬制", attrs("产地", "山东东阿"),
                        List.of(sku("500g 礼盒", 9900, 5600, Kind.RATE, 1800, 100)), 0),
                new Demo(1, "收纳整理", "桌面多层收纳架", "免安装，可叠加", attrs("材质", "PP环保材质"),
                        List.of(sku("三层 白色", 3990, 2100, Kind.RATE, 2000, 200)), 0));
    }
}
