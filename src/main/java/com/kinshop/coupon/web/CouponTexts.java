package com.kinshop.coupon.web;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.Categories;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.coupon.CouponKind;
import com.kinshop.coupon.CouponScope;
import com.kinshop.coupon.CouponTerms;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.DisplayTimes;
import com.kinshop.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A coupon in words, in the reader's language: "满99减10", "8.5折 · 最高减20", "全平台通用", "2026-06-18 12:00 至 …". */
@Component
class CouponTexts {

    private final MessageSource messages;
    private final DisplayTimes times;
    private final Suppliers suppliers;
    private final Categories categories;
    private final Catalog catalog;

    CouponTexts(MessageSource messages, DisplayTimes times, Suppliers suppliers, Categories categories, Catalog catalog) {
        this.messages = messages;
        this.times = times;
        this.suppliers = suppliers;
        this.categories = categories;
        this.catalog = catalog;
    }

    String headline(CouponTerms terms) {
        return switch (terms.kind()) {
            case AMOUNT_OFF -> text("coupon.headline.AMOUNT_OFF", yuan(terms.threshold()), yuan(terms.amount()));
            case NO_THRESHOLD -> text("coupon.headline.NO_THRESHOLD", yuan(terms.amount()));
            case PERCENT_OFF -> text(terms.threshold().isPositive() ? "coupon.headline.PERCENT_OFF.threshold" : "coupon.headline.PERCENT_OFF",
                    BigDecimal.valueOf(100 - terms.percentOff(), 1).stripTrailingZeros().toPlainString(), yuan(terms.cap()),
                    yuan(terms.threshold()), terms.percentOff());
        };
    }

    /** The big figure on a coupon card: "¥10" or "8.5折" / "15% off". */
    String figure(CouponTerms terms) {
        return terms.kind() == CouponKind.PERCENT_OFF
                ? text("coupon.figure.percent", BigDecimal.valueOf(100 - terms.percentOff(), 1).stripTrailingZeros().toPlainString(), terms.percentOff())
                : "¥" + yuan(terms.amount());
    }

    /** What it applies to; names are looked up once per request through {@code names}. */
    String scope(CouponScope scope, Long target, Map<String, String> names) {
        if (scope == CouponScope.PLATFORM || target == null) {
            return text("coupon.scope.PLATFORM");
        }
        String name = names.computeIfAbsent(scope + ":" + target, key -> nameOf(scope, target));
        return text("coupon.scope." + scope.name(), name);
    }

    String validity(Instant from, Instant until, Integer days) {
        return days != null ? text("coupon.valid.days", days) : text("coupon.valid.window", times.minutes(from), times.minutes(until));
    }

    String until(Instant until) {
        return text("coupon.valid.until", times.minutes(until));
    }

    static Map<String, String> names() {
        return new ConcurrentHashMap<>();
    }

    private String nameOf(CouponScope scope, long target) {
        return switch (scope) {
            case SUPPLIER -> {
                try {
                    yield suppliers.get(new SupplierId(target)).name();
                } catch (BusinessException gone) {
                    yield "#" + target;
                }
            }
            case CATEGORY -> categories.tree().stream()
                    .flatMap(node -> java.util.stream.Stream.concat(java.util.stream.Stream.of(node.category()), node.children().stream()))
                    .filter(category -> category.id().value() == target).map(Categories.Category::name).findFirst().orElse("#" + target);
            case PRODUCT -> catalog.product(new ProductId(target)).map(product -> product.name()).orElse("#" + target);
            case PLATFORM -> "";
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** Whole yuan without decimals ("10"), anything else to the fen ("2.20", never "2.2"). */
    static String yuan(Money money) {
        return money.fen() % 100 == 0 ? Long.toString(money.fen() / 100) : BigDecimal.valueOf(money.fen(), 2).toPlainString();
    }
}
