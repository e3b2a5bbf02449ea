package com.kinshop.review;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierStatus;
import com.kinshop.catalog.SupplierView;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.ordering.AddressForm;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.ordering.OrderFacts;
import com.kinshop.ordering.Orders;
import com.kinshop.shared.DemoDataSeeder;
import com.kinshop.shared.OnDemoOrders;
import com.kinshop.shared.MediaStore;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reviews of the demo buyers' received orders (after ordering's demo data): with photos, anonymous, follow-ups and the
 * suppliers' replies, one hidden by the operator (audited), one flagged for brushing (a staff member saved the buyer's
 * phone in their address book), and the everyday reviews of the orders of the last two months (the first supplier's
 * mostly five stars, the second's middling), each dated a little after its order was received: what the ratings,
 * the suppliers' monthly history and their credit are computed from.
 */
@Component
// on the demo orders only: never on orders a test (or anyone) made while the demo orders were left out
@OnDemoOrders
@Order(75)
class ReviewDemoData implements DemoDataSeeder {

    private static final List<String> BUYERS = List.of("13800000004", "13800000005", "13800000002");
    private static final String OPERATOR = "13800000000";
    private static final List<String> TEXTS = List.of(
            "收到了，包装很用心，里外两层都包好了，没有磕碰。东西比超市买的好不少，家里人都说不错，会回购！",
            "物流很快，隔天就到。东西和描述一致，分量足，性价比很高。",
            "还可以吧，做工一般，有一处小瑕疵，用起来没问题。",
            "第二次买了，品质稳定。客服回复也很及时，推荐给了同事。",
            "加微信 ks888 领优惠，低价代购各种大牌",
            "一般般，和图片有差距，快递盒有点压扁了。");
    private static final List<Integer> STARS = List.of(5, 5, 3, 5, 1, 2);
    /** Stars of the everyday reviews: the first demo supplier's are mostly five, the second's middling. */
    private static final int[] WELL_RATED_STARS = {5, 5, 4, 5, 5, 5, 4, 5, 5, 5};
    private static final int[] POORLY_RATED_STARS = {3, 2, 3, 1, 2, 4, 2, 3, 1, 3};
    /** Everyday review texts by stars (1 to 5). */
    private static final List<List<String>> EVERYDAY_TEXTS = List.of(
            List.of("收到就是坏的，联系客服两天才回复，很失望。"),
            List.of("和描述差得有点多，分量也不足，不太推荐。", "发货慢，包装简陋，东西勉强能用。"),
            List.of("一般，价格不算便宜，凑合用吧。", "东西还行，就是物流太慢了，等了一周。"),
            List.of("整体不错，包装再结实点就更好了。", "挺好的，比预期好一些，会考虑回购。"),
            List.of("很好，家里人都喜欢，已经第三次买了。", "品质很好，发货快，包装仔细，推荐！", "性价比高，和店主推荐的一样，满意。"));

    private final Reviews reviews;
    private final ReviewModeration moderation;
    private final Orders orders;
    private final OrderFacts facts;
    private final Accounts accounts;
    private final Suppliers suppliers;
    private final Addresses addresses;
    private final Catalog catalog;
    private final MediaStore media;
    private final JdbcClient jdbc;

    ReviewDemoData(Reviews reviews, ReviewModeration moderation, Orders orders, OrderFacts facts, Accounts accounts, Suppliers suppliers, Addresses addresses,
                   Catalog catalog, MediaStore media, JdbcClient jdbc) {
        this.reviews = reviews;
        this.moderation = moderation;
        this.orders = orders;
        this.facts = facts;
        this.accounts = accounts;
        this.suppliers = suppliers;
        this.addresses = addresses;
        this.catalog = catalog;
        this.media = media;
        this.jdbc = jdbc;
    }

    private record Line(AccountId buyer, OrderFacts.ReviewableLine line) {
    }

    @Override
    public void seed() {
        if (jdbc.sql("select exists (select 1 from review)").query(Boolean.class).single()) {
            return;
        }
        List<Line> lines = new ArrayList<>();
        for (String phone : BUYERS) {
            AccountId buyer = accounts.findByPhone(phone).map(account -> account.id()).orElse(null);
            if (buyer == null) {
                return;
            }
            for (OrderStatus status : List.of(OrderStatus.COMPLETED, OrderStatus.RECEIVED)) {
                for (Orders.Summary order : orders.ofBuyer(buyer, status, 50)) {
                    orders.forBuyer(buyer, order.number()).lines()
                            .forEach(l -> facts.reviewableLine(l.id()).ifPresent(line -> lines.add(new Line(buyer, line))));
                }
            }
        }
        if (lines.size() < TEXTS.size()) {
            return; // the demo orders are not there (no sandbox payer): nothing to review
        }
        // the latest receipts get the worked examples, oldest first; the months before, the suppliers' everyday reviews
        lines.sort(Comparator.comparing((Line line) -> line.line().receivedAt()).reversed());
        SupplierId wellRated = suppliers.list(SupplierStatus.APPROVED).stream().map(SupplierView::id)
                .min(Comparator.comparingLong(SupplierId::value)).orElseThrow();
        Map<SupplierId, Integer> reviewed = new HashMap<>();
        List<Line> everyday = new ArrayList<>(lines.subList(TEXTS.size(), lines.size()));
        Collections.reverse(everyday); // written oldest first, as the lists' newest-first order (by id) expects
        for (Line bought : everyday) {
            int n = reviewed.merge(bought.line().supplier(), 1, Integer::sum) - 1;
            int[] cycle = bought.line().supplier().equals(wellRated) ? WELL_RATED_STARS : POORLY_RATED_STARS;
            int stars = cycle[n % cycle.length];
            List<String> texts = EVERYDAY_TEXTS.get(stars - 1);
            long id = reviews.post(bought.buyer(), new ReviewForm(bought.line().lineId(), stars, Math.min(5, stars + 1), stars,
                    texts.get(n % texts.size()), n % 4 == 3), List.of()).id();
            writtenAfterReceipt(id, 20 + n % 5 * 7);
        }
        // after the everyday ones: the brushing example's staff member saved the buyer's phone only lately
        List<Line> examples = new ArrayList<>(lines.subList(0, TEXTS.size()));
        examples.sort(Comparator.comparing(line -> line.line().receivedAt()));
        for (int i = 0; i < examples.size(); i++) {
            example(i, examples.get(i));
        }
    }

    /** One of the worked examples: photos and a follow-up, anonymous, middling with a reply, hidden spam, flagged brushing. */
    private void example(int i, Line bought) {
        if (i == TEXTS.size() - 1) {
            // the brushing example: a staff member of this supplier has the buyer's phone in their address book
            AccountId staff = suppliers.staff(bought.line().supplier()).get(0).id();
            addresses.add(staff, new AddressForm("老同学", bought.line().deliveryPhone(), "江苏省苏州市姑苏区", "人民路 8 号"));
        }
        List<byte[]> images = i == 0 || i == 3 ? productImages(bought.line().productId()) : List.of();
        long id = reviews.post(bought.buyer(), new ReviewForm(bought.line().lineId(), STARS.get(i), i == 5 ? 3 : 5, i == 2 ? 4 : 5,
                TEXTS.get(i), i == 1), images).id();
        writtenAfterReceipt(id, 2 + i * 3);
        var supplier = bought.line().supplier();
        AccountId replier = suppliers.staff(supplier).get(0).id();
        if (i == 0) {
            reviews.followUp(bought.buyer(), id, "用了一周再来追评：品质一直很稳定，没有出现任何问题，值得。", List.of());
            reviews.reply(supplier, replier, id, ReviewPart.REVIEW, "感谢您的认可！我们每一单都仔细检查后发出，欢迎常来～");
            reviews.reply(supplier, replier, id, ReviewPart.FOLLOW_UP, "谢谢追评，有任何问题随时联系我们，祝生活愉快！");
        } else if (i == 2 || i == 5) {
            reviews.reply(supplier, replier, id, ReviewPart.REVIEW, "抱歉给您带来不好的体验，已安排客服联系您补发或退款。");
        } else if (i == 4) {
            moderation.hide(accounts.findByPhone(OPERATOR).orElseThrow().id(), id, HideTarget.REVIEW, HideReason.ADVERTISING);
        }
    }

    /** Dates the review {@code hours} after its order was received (never later than now), as a buyer writes it. */
    private void writtenAfterReceipt(long review, int hours) {
        jdbc.sql("update review set created_at = least(created_at, received_at + make_interval(hours => ?)) where id = ?").params(hours, review).update();
    }

    /** Two of the product's own pictures, as a buyer's photos of what arrived. */
    private List<byte[]> productImages(long productId) {
        ProductDetail product = catalog.product(new ProductId(productId)).orElse(null);
        List<byte[]> images = new ArrayList<>();
        if (product == null) {
            return images;
        }
        for (String url : product.images().stream().limit(2).toList()) {
            media.read(url).ifPresent(image -> {
                try {
                    var out = new ByteArrayOutputStream();
                    ImageIO.write(image, "png", out);
                    images.add(out.toByteArray());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return images;
    }
}
