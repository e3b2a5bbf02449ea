package com.kinshop.redpacket;

import com.kinshop.ledger.Ledger;
import com.kinshop.ordering.OrderTimers;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A supplier that is owed money (a completed order, as buyers and timers make one) and its campaigns, through the API. */
record RedPacketFixtures(Fixtures fixtures, Purchases purchases, OrderTimers timers, MutableClock clock, Ledger ledger) {

    /** A supplier with one product sold, shipped, received and completed: its payable is what the order settled to it. */
    Staff owedSupplier(String company, long retailFen) {
        Staff supplier = fixtures.supplier(company);
        long sku = fixtures.onSale(supplier, company + "礼盒", retailFen, 10)[1];
        Member buyer = fixtures.member(company + "买家");
        String order = purchases.placeAndPay(buyer, 1, sku).orderNumbers().get(0);
        Response shipped = supplier.session().post("/api/supplier/orders/" + order + "/shipment",
                Map.of("carrier", "顺丰速运", "trackingNumber", "SF" + System.nanoTime() % 10_000_000_000L));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(buyer.session().post("/api/me/orders/" + order + "/receipt", Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        timers.runDue();
        assertThat(purchases.status(order)).isEqualTo("COMPLETED");
        assertThat(payable(supplier)).as("the supplier is owed money").isPositive();
        return supplier;
    }

    /** What the platform owes the supplier (the payable's credit balance, as a positive number of fen). */
    long payable(Staff supplier) {
        return -ledger.balance("supplier:" + supplier.supplierId() + ":payable").fen();
    }

    /** What the supplier's red-packet hold keeps (positive fen). */
    long held(Staff supplier) {
        return -ledger.balance("supplier:" + supplier.supplierId() + ":red-packets").fen();
    }

    static Map<String, Object> campaign(String name, long budgetFen, long minFen, long maxFen, Instant startsAt, Instant endsAt) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", name);
        form.put("budgetFen", budgetFen);
        form.put("minFen", minFen);
        form.put("maxFen", maxFen);
        form.put("startsAt", startsAt.toString());
        form.put("endsAt", endsAt.toString());
        return form;
    }

    /** A campaign created and funded through the API; returns its id. */
    long running(Staff supplier, String name, long budgetFen, long minFen, long maxFen, Duration lasting) {
        Instant now = clock.instant();
        Response created = supplier.session().post("/api/supplier/red-packets", campaign(name, budgetFen, minFen, maxFen, now.minusSeconds(60), now.plus(lasting)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("phase").asString()).isEqualTo("RUNNING");
        return created.json().get("id").asLong();
    }
}
