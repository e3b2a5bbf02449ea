package com.kinshop.deposit;

import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.Purchases;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Suppliers with a deposit, paid in through the sandbox cashier as staff would, and orders to complain about. */
public class DepositFixtures {

    private final Fixtures fixtures;
    private final Purchases purchases;
    private final Ledger ledger;
    private final JdbcClient jdbc;

    public DepositFixtures(Fixtures fixtures, Purchases purchases, Ledger ledger, JdbcClient jdbc) {
        this.fixtures = fixtures;
        this.purchases = purchases;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    public record Bought(Staff supplier, Member buyer, String order, long lineId) {
    }

    /** An approved supplier that declared {@code depositYuan} at onboarding and has paid nothing in yet. */
    public Staff supplier(String company, int depositYuan) {
        Member member = fixtures.member(company + "员工");
        Map<String, Object> application = fixtures.application(company, member.phone());
        application.put("depositYuan", depositYuan);
        Response applied = member.session().post("/api/supplier-applications", application);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long supplierId = applied.json().get("id").asLong();
        assertThat(fixtures.operator().post("/api/admin/suppliers/" + supplierId + "/approve", Map.of()).status()).isEqualTo(200);
        return new Staff(fixtures.signIn(member.phone(), "secret123"), member.phone(), supplierId);
    }

    /** Pays {@code fen} in at the sandbox cashier and waits for the signed notification to credit the deposit. */
    public String payIn(Staff staff, long fen) {
        long before = balance(staff.supplierId());
        Response started = staff.session().post("/api/supplier/deposit/top-ups", Map.of("amountFen", fen), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String payUrl = started.json().get("payUrl").asString();
        Response paid = staff.session().postForm(payUrl, payUrl + "/pay", Map.of());
        assertThat(paid.status()).as(paid.body()).isLessThan(400);
        Purchases.await("deposit paid in", () -> balance(staff.supplierId()) == before + fen);
        return started.json().get("number").asString();
    }

    /** What the deposit holds, in fen. */
    public long balance(long supplierId) {
        return -ledger.balance(LedgerAccounts.supplierDeposit(supplierId).code()).fen();
    }

    /** A fully paid supplier with a product on sale, and a buyer's paid order of it. */
    public Bought paidOrder(String company, int depositYuan) {
        Staff supplier = supplier(company, depositYuan);
        if (depositYuan > 0) {
            payIn(supplier, depositYuan * 100L);
        }
        long[] product = fixtures.onSale(supplier, company + "的商品", 5_000, 20);
        Member buyer = fixtures.member(company + "的买家");
        String order = purchases.placeAndPay(buyer, 1, product[1]).orderNumbers().get(0);
        long line = jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ?").param(order).query(Long.class).single();
        return new Bought(supplier, buyer, order, line);
    }

    /** The order refunded in full before shipping (the supplier approved the buyer's request): no longer in progress. */
    public void refund(Bought bought) {
        Response requested = bought.buyer().session().post("/api/me/orders/" + bought.order() + "/after-sales",
                Map.of("lineId", bought.lineId(), "kind", "REFUND_ONLY", "quantity", 1, "reason", "不想要了"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String number = requested.json().get("number").asString();
        assertThat(bought.supplier().session().post("/api/supplier/after-sales/" + number + "/approve", Map.of()).status()).isEqualTo(200);
        Purchases.await(number + " refunded", () -> "REFUNDED".equals(
                jdbc.sql("select status from after_sale where number = ?").param(number).query(String.class).single()));
    }
}
