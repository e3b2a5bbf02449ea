package com.kinshop.coupon;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.pricing.Funder;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CouponPickerTest {

    private static final Instant NOW = Instant.parse("2026-06-18T04:00:00Z");
    private static final AccountId BUYER = new AccountId(7);
    private static final SupplierId TEA = new SupplierId(1);
    private static final SupplierId RICE = new SupplierId(2);
    private static final long FOOD = 100; // top category
    private static final long DRINKS = 101; // its sub-category

    private long nextId = 1;

    // --- one coupon: kind, scope, validity ---

    @Test
    void aPlatformCouponCoversEveryLineAndAProductCouponOnlyItsProduct() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 6000), line(12, 2, 4000)));
        Coupon everything = platform(CouponTerms.amountOff(Money.fen(1000), Money.fen(9900)), CouponScope.PLATFORM, null);
        Coupon product = platform(CouponTerms.noThreshold(Money.fen(500)), CouponScope.PRODUCT, 2L);

        CouponPicker.Use onAll = single(picker.best(List.of(everything)));
        assertThat(onAll.scope()).containsExactlyInAnyOrder(new SkuId(11), new SkuId(12));
        assertThat(onAll.saving()).isEqualTo(Money.fen(1000));
        CouponPicker.Use onProduct = single(picker.best(List.of(product)));
        assertThat(onProduct.scope()).containsExactly(new SkuId(12));
    }

    @Test
    void aCategoryCouponCoversProductsOfTheCategoryAndItsSubCategories() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 3000, FOOD, DRINKS), line(12, 2, 5000, 300L)));
        Coupon food = platform(CouponTerms.noThreshold(Money.fen(200)), CouponScope.CATEGORY, FOOD);
        Coupon other = platform(CouponTerms.noThreshold(Money.fen(200)), CouponScope.CATEGORY, 999L);

        assertThat(single(picker.best(List.of(food))).scope()).containsExactly(new SkuId(11));
        assertThat(picker.refusal(other)).isEqualTo(CouponPicker.Refusal.OUT_OF_SCOPE);
    }

    @Test
    void aSupplierCouponOnlyEverCoversItsOwnSuppliersLines() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 3000)), order(RICE, line(21, 5, 3000)));
        Coupon riceCoupon = supplier(RICE, CouponTerms.noThreshold(Money.fen(300)), CouponScope.SUPPLIER, RICE.value());
        Coupon teaProductOfRice = supplier(RICE, CouponTerms.noThreshold(Money.fen(300)), CouponScope.PRODUCT, 1L); // tea's product, rice's money: never

        CouponPicker.Use use = single(picker.best(List.of(riceCoupon, teaProductOfRice)));
        assertThat(use.coupon()).isEqualTo(riceCoupon);
        assertThat(use.order()).isEqualTo(1);
        assertThat(use.coupon().funder()).isEqualTo(Funder.SUPPLIER);
        assertThat(picker.refusal(teaProductOfRice)).isEqualTo(CouponPicker.Refusal.OUT_OF_SCOPE);
    }

    @Test
    void validityAndStateDecideFirst() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 3000)));
        CouponTerms terms = CouponTerms.noThreshold(Money.fen(100));
        assertThat(picker.refusal(coupon(null, terms, CouponScope.PLATFORM, null, NOW.plusSeconds(1), NOW.plusSeconds(3600), CouponState.UNUSED)))
                .isEqualTo(CouponPicker.Refusal.NOT_YET_VALID);
        assertThat(picker.refusal(coupon(null, terms, CouponScope.PLATFORM, null, NOW.minusSeconds(3600), NOW, CouponState.UNUSED)))
                .as("valid until is exclusive").isEqualTo(CouponPicker.Refusal.EXPIRED);
        assertThat(picker.refusal(coupon(null, terms, CouponScope.PLATFORM, null, NOW.minusSeconds(3600), NOW.plusSeconds(1), CouponState.UNUSED)))
                .isNull();
        assertThat(picker.refusal(coupon(null, terms, CouponScope.PLATFORM, null, NOW.minusSeconds(3600), NOW.plusSeconds(60), CouponState.LOCKED)))
                .isEqualTo(CouponPicker.Refusal.ALREADY_USED);
        assertThat(picker.best(List.of(coupon(null, terms, CouponScope.PLATFORM, null, NOW.minusSeconds(3600), NOW, CouponState.UNUSED))).uses())
                .as("the server never picks an unusable coupon").isEmpty();
    }

    @Test
    void theThresholdIsMetByTheGoodsInScopeOnly() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 6000), line(12, 2, 4000)));
        Coupon productOne = platform(CouponTerms.amountOff(Money.fen(1000), Money.fen(9900)), CouponScope.PRODUCT, 1L);
        assertThat(picker.refusal(productOne)).isEqualTo(CouponPicker.Refusal.THRESHOLD_NOT_REACHED);
        assertThat(picker.best(List.of(productOne)).uses()).isEmpty();
    }

    // --- stacking ---

    @Test
    void onOneOrderOneSupplierCouponThenOnePlatformCouponOnWhatIsLeft() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 10_000)));
        Coupon shop = supplier(TEA, CouponTerms.amountOff(Money.fen(2000), Money.fen(5000)), CouponScope.SUPPLIER, TEA.value());
        Coupon tenPercent = platform(CouponTerms.percentOff(10, Money.fen(5000), Money.ZERO), CouponScope.PLATFORM, null);

        CouponPicker.Pick pick = picker.best(List.of(tenPercent, shop));
        assertThat(pick.uses()).extracting(CouponPicker.Use::coupon).containsExactly(shop, tenPercent);
        assertThat(pick.uses()).extracting(CouponPicker.Use::saving).containsExactly(Money.fen(2000), Money.fen(800));
        assertThat(pick.total()).isEqualTo(Money.fen(2800));
    }

    @Test
    void neverTwoPlatformOrTwoSupplierCouponsOnOneOrderLeftToTheServer() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 10_000)));
        Coupon small = platform(CouponTerms.noThreshold(Money.fen(300)), CouponScope.PLATFORM, null);
        Coupon big = platform(CouponTerms.noThreshold(Money.fen(800)), CouponScope.PLATFORM, null);
        Coupon shopSmall = supplier(TEA, CouponTerms.noThreshold(Money.fen(100)), CouponScope.SUPPLIER, TEA.value());
        Coupon shopBig = supplier(TEA, CouponTerms.noThreshold(Money.fen(400)), CouponScope.SUPPLIER, TEA.value());

        CouponPicker.Pick pick = picker.best(List.of(small, big, shopSmall, shopBig));
        assertThat(pick.uses()).extracting(CouponPicker.Use::coupon).containsExactly(shopBig, big);
        assertThat(pick.total()).isEqualTo(Money.fen(1200));
    }

    @Test
    void aPlatformCouponGoesOnOneOrderOnlyAndTheBestAssignmentWinsOverTheGreedyOne() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 20_000)), order(RICE, line(21, 5, 10_000)));
        Coupon anywhere = platform(CouponTerms.amountOff(Money.fen(3000), Money.fen(10_000)), CouponScope.PLATFORM, null);
        Coupon teaOnly = platform(CouponTerms.noThreshold(Money.fen(2500)), CouponScope.PRODUCT, 1L);

        CouponPicker.Pick pick = picker.best(List.of(anywhere, teaOnly));
        // greedy (the tea order first takes its best, 30.00) would leave the rice order nothing: 30.00; both placed: 55.00
        assertThat(pick.total()).isEqualTo(Money.fen(5500));
        assertThat(pick.uses()).extracting(use -> use.coupon().id() + "@" + use.order())
                .containsExactlyInAnyOrder(teaOnly.id() + "@0", anywhere.id() + "@1");

        CouponPicker.Pick onlyOne = picker.best(List.of(anywhere));
        assertThat(onlyOne.uses()).hasSize(1);
        assertThat(single(onlyOne).order()).as("on the order where it saves the most (both the same: the first)").isEqualTo(0);
    }

    @Test
    void stackedCouponsNeverMakeTheLinesFree() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 300), line(12, 2, 200)));
        Coupon shop = supplier(TEA, CouponTerms.noThreshold(Money.fen(450)), CouponScope.SUPPLIER, TEA.value());
        Coupon platform = platform(CouponTerms.noThreshold(Money.fen(1000)), CouponScope.PLATFORM, null);

        CouponPicker.Pick pick = picker.best(List.of(shop, platform));
        assertThat(pick.uses()).extracting(CouponPicker.Use::saving).containsExactly(Money.fen(450), Money.fen(49));
        assertThat(pick.total()).as("the buyer still pays 1 fen of the order's goods").isEqualTo(Money.fen(499));
    }

    @Test
    void amongEqualSavingsTheCouponExpiringFirstIsUsed() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 3000)));
        CouponTerms terms = CouponTerms.noThreshold(Money.fen(500));
        Coupon later = coupon(null, terms, CouponScope.PLATFORM, null, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(9)), CouponState.UNUSED);
        Coupon sooner = coupon(null, terms, CouponScope.PLATFORM, null, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2)), CouponState.UNUSED);
        assertThat(single(picker.best(List.of(later, sooner))).coupon()).isEqualTo(sooner);
    }

    // --- the buyer's own choice ---

    @Test
    void anExplicitChoiceIsAppliedExactly() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 10_000)));
        Coupon small = platform(CouponTerms.noThreshold(Money.fen(300)), CouponScope.PLATFORM, null);
        Coupon big = platform(CouponTerms.noThreshold(Money.fen(800)), CouponScope.PLATFORM, null);
        assertThat(single(picker.chosen(List.of(small, big), Set.of(small.id()), BUYER)).coupon()).isEqualTo(small);
        assertThat(picker.chosen(List.of(small, big), Set.of(), BUYER).uses()).isEmpty();
    }

    @Test
    void twoPlatformCouponsAreSplitOverTwoOrdersButRefusedOnOne() {
        Coupon one = platform(CouponTerms.noThreshold(Money.fen(300)), CouponScope.PLATFORM, null);
        Coupon two = platform(CouponTerms.noThreshold(Money.fen(800)), CouponScope.PLATFORM, null);
        CouponPicker twoOrders = picker(order(TEA, line(11, 1, 10_000)), order(RICE, line(21, 5, 10_000)));
        assertThat(twoOrders.chosen(List.of(one, two), Set.of(one.id(), two.id()), BUYER).uses()).extracting(CouponPicker.Use::order)
                .containsExactlyInAnyOrder(0, 1);

        CouponPicker oneOrder = picker(order(TEA, line(11, 1, 10_000)));
        assertRefused(() -> oneOrder.chosen(List.of(one, two), Set.of(one.id(), two.id()), BUYER), "coupon.two-platform-coupons");
    }

    @Test
    void twoCouponsOfOneSupplierAreRefused() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 10_000)));
        Coupon a = supplier(TEA, CouponTerms.noThreshold(Money.fen(100)), CouponScope.SUPPLIER, TEA.value());
        Coupon b = supplier(TEA, CouponTerms.noThreshold(Money.fen(200)), CouponScope.SUPPLIER, TEA.value());
        assertRefused(() -> picker.chosen(List.of(a, b), Set.of(a.id(), b.id()), BUYER), "coupon.two-supplier-coupons");
    }

    @Test
    void everyUnusableChoiceIsRefusedNamingIt() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 5000)));
        CouponTerms terms = CouponTerms.noThreshold(Money.fen(100));
        Coupon expired = coupon(null, terms, CouponScope.PLATFORM, null, NOW.minusSeconds(7200), NOW.minusSeconds(1), CouponState.UNUSED);
        Coupon early = coupon(null, terms, CouponScope.PLATFORM, null, NOW.plusSeconds(60), NOW.plusSeconds(7200), CouponState.UNUSED);
        Coupon locked = coupon(null, terms, CouponScope.PLATFORM, null, NOW.minusSeconds(60), NOW.plusSeconds(7200), CouponState.LOCKED);
        Coupon used = coupon(null, terms, CouponScope.PLATFORM, null, NOW.minusSeconds(60), NOW.plusSeconds(7200), CouponState.USED);
        Coupon elsewhere = platform(terms, CouponScope.PRODUCT, 99L);
        Coupon tooHigh = platform(CouponTerms.amountOff(Money.fen(1000), Money.fen(9900)), CouponScope.PLATFORM, null);
        Coupon someoneElses = new Coupon(nextId++, new AccountId(8), "别人的券", terms, CouponScope.PLATFORM, null, null,
                NOW.minusSeconds(60), NOW.plusSeconds(7200), CouponState.UNUSED);

        assertRefused(() -> picker.chosen(List.of(expired), Set.of(expired.id()), BUYER), "coupon.expired");
        assertRefused(() -> picker.chosen(List.of(early), Set.of(early.id()), BUYER), "coupon.not-yet-valid");
        assertRefused(() -> picker.chosen(List.of(locked), Set.of(locked.id()), BUYER), "coupon.already-used");
        assertRefused(() -> picker.chosen(List.of(used), Set.of(used.id()), BUYER), "coupon.already-used");
        assertRefused(() -> picker.chosen(List.of(elsewhere), Set.of(elsewhere.id()), BUYER), "coupon.out-of-scope");
        assertRefused(() -> picker.chosen(List.of(tooHigh), Set.of(tooHigh.id()), BUYER), "coupon.threshold-not-reached");
        assertRefused(() -> picker.chosen(List.of(someoneElses), Set.of(someoneElses.id()), BUYER), "coupon.not-yours");
        assertRefused(() -> picker.chosen(List.of(), Set.of(4242L), BUYER), "coupon.not-yours");
        assertThatThrownBy(() -> picker.chosen(List.of(used), Set.of(used.id()), BUYER))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    }

    @Test
    void theSavingOfACouponAloneIsOnItsBestOrder() {
        CouponPicker picker = picker(order(TEA, line(11, 1, 2000)), order(RICE, line(21, 5, 9000)));
        Coupon percent = platform(CouponTerms.percentOff(20, Money.fen(1500), Money.ZERO), CouponScope.PLATFORM, null);
        assertThat(picker.savingAlone(percent)).isEqualTo(Money.fen(1500));
        assertThat(picker.savingAlone(platform(CouponTerms.noThreshold(Money.fen(100)), CouponScope.PRODUCT, 77L))).isEqualTo(Money.ZERO);
    }

    // --- helpers ---

    private static CouponPicker picker(CouponPicker.Order... orders) {
        return new CouponPicker(List.of(orders), NOW);
    }

    private static CouponPicker.Order order(SupplierId supplier, CouponPicker.Line... lines) {
        return new CouponPicker.Order(supplier, List.of(lines));
    }

    private static CouponPicker.Line line(long sku, long product, long paidFen, Long... categories) {
        return new CouponPicker.Line(new SkuId(sku), new ProductId(product), Set.of(categories), Money.fen(paidFen));
    }

    private Coupon platform(CouponTerms terms, CouponScope scope, Long target) {
        return coupon(null, terms, scope, target, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7)), CouponState.UNUSED);
    }

    private Coupon supplier(SupplierId issuer, CouponTerms terms, CouponScope scope, Long target) {
        return coupon(issuer, terms, scope, target, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7)), CouponState.UNUSED);
    }

    private Coupon coupon(SupplierId issuer, CouponTerms terms, CouponScope scope, Long target, Instant from, Instant until, CouponState state) {
        long id = nextId++;
        return new Coupon(id, BUYER, "券" + id, terms.validated(), scope, target, issuer, from, until, state);
    }

    private static CouponPicker.Use single(CouponPicker.Pick pick) {
        assertThat(pick.uses()).hasSize(1);
        return pick.uses().get(0);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field()).isEqualTo("couponIds");
        });
    }
}
