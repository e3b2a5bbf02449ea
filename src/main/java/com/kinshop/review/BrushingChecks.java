package com.kinshop.review;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.commission.Commissions;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountView;
import com.kinshop.identity.Accounts;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.OrderFacts;
import com.kinshop.referral.Referrals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Gathers the facts {@link BrushingSignals} decides on, through the other modules' public APIs. */
@Component
class BrushingChecks {

    private final JdbcClient jdbc;
    private final Suppliers suppliers;
    private final Referrals referrals;
    private final Commissions commissions;
    private final Addresses addresses;
    private final Accounts accounts;
    private final Catalog catalog;

    BrushingChecks(JdbcClient jdbc, Suppliers suppliers, Referrals referrals, Commissions commissions, Addresses addresses, Accounts accounts,
                   Catalog catalog) {
        this.jdbc = jdbc;
        this.suppliers = suppliers;
        this.referrals = referrals;
        this.commissions = commissions;
        this.addresses = addresses;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    /** The signals for a review being posted (its own row is already inserted, so the burst count includes it). */
    List<BrushingReason> check(OrderFacts.ReviewableLine line, int productStars, Instant now) {
        AccountId reviewer = line.buyer();
        SupplierId supplier = line.supplier();
        boolean reviewerIsStaff = suppliers.supplierOf(reviewer).filter(supplier::equals).isPresent();
        boolean referrerIsStaff = referrals.referrerOf(reviewer).flatMap(suppliers::supplierOf).filter(supplier::equals).isPresent();
        boolean beneficiary = commissions.isBeneficiary(line.lineId(), reviewer);

        List<AccountView> staff = suppliers.staff(supplier);
        Set<String> staffPhones = new HashSet<>();
        Set<String> staffAddresses = new HashSet<>();
        for (AccountView member : staff) {
            staffPhones.add(member.phone());
            for (Addresses.Address saved : addresses.of(member.id())) {
                staffPhones.add(saved.phone());
                staffAddresses.add(saved.region() + " " + saved.detail());
            }
        }
        String reviewerPhone = accounts.find(reviewer).map(AccountView::phone).orElse(null);
        boolean sharesPhone = (reviewerPhone != null && staffPhones.contains(reviewerPhone))
                || (line.deliveryPhone() != null && staffPhones.contains(line.deliveryPhone()));
        boolean sharesAddress = BrushingSignals.sameAddress(line.deliveryAddress(), staffAddresses);

        int fiveStars = 0;
        Instant published = catalog.product(new ProductId(line.productId())).map(ProductDetail::publishedAt).orElse(null);
        if (productStars == 5 && published != null && !now.isAfter(published.plus(BrushingSignals.NEW_PRODUCT))) { // else it cannot fire
            fiveStars = jdbc.sql("select count(*) from review where product_id = ? and product_stars = 5 and created_at > ?")
                    .params(line.productId(), now.minus(BrushingSignals.BURST_WINDOW).atOffset(ZoneOffset.UTC)).query(Integer.class).single();
        }
        return BrushingSignals.fired(new BrushingSignals.Facts(reviewerIsStaff, referrerIsStaff, beneficiary, sharesPhone, sharesAddress,
                Objects.requireNonNullElse(published, Instant.EPOCH), fiveStars, now));
    }
}
