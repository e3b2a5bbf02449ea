package com.kinshop.deposit;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.payment.Payments;
import com.kinshop.payment.SandboxPayer;
import com.kinshop.shared.DemoDataSeeder;
import com.kinshop.shared.OnDemoOrders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The demo suppliers pay their declared deposits in the way staff do: a pay-in, the sandbox cashier's "pay", and the
 * provider's answer recorded by the payment module (so the journals are the real ones). 良品工坊 pays its 20,000 yuan
 * in two pay-ins, 山野生活 its 10,000 in one; the demo complaints (next seeder) then take a penalty from 山野生活, which
 * leaves it below its required deposit until {@link DepositTopUpDemoData} tops it up.
 */
@Component
@Order(75)
// money at the provider, like the demo orders: left out with them where tests check the books whole
@OnDemoOrders
class DepositDemoData implements DemoDataSeeder {

    private static final List<String> STAFF = List.of("13900000001", "13900000002");

    private final DepositTopUps topUps;
    private final Payments payments;
    private final ObjectProvider<SandboxPayer> sandbox;
    private final Accounts accounts;
    private final Suppliers suppliers;
    private final JdbcClient jdbc;
    private final Deposits deposits;

    DepositDemoData(DepositTopUps topUps, Payments payments, ObjectProvider<SandboxPayer> sandbox, Accounts accounts, Suppliers suppliers, JdbcClient jdbc,
                    Deposits deposits) {
        this.deposits = deposits;
        this.topUps = topUps;
        this.payments = payments;
        this.sandbox = sandbox;
        this.accounts = accounts;
        this.suppliers = suppliers;
        this.jdbc = jdbc;
    }

    @Override
    public void seed() {
        SandboxPayer payer = sandbox.getIfAvailable();
        if (payer == null || jdbc.sql("select exists (select 1 from deposit_top_up)").query(Boolean.class).single()) {
            return;
        }
        for (String phone : STAFF) {
            Optional<AccountId> staff = accounts.findByPhone(phone).map(account -> account.id());
            Optional<SupplierId> supplier = staff.flatMap(suppliers::supplierOf);
            if (supplier.isEmpty()) {
                continue;
            }
            long required = suppliers.get(supplier.get()).deposit().fen();
            long first = phone.equals(STAFF.get(0)) ? required / 2 : required; // 良品工坊 paid in twice: a first half, then the rest
            pay(payer, supplier.get(), staff.get(), first);
            if (required > first) {
                pay(payer, supplier.get(), staff.get(), required - first);
            }
        }
    }

    /** Pays in what each demo supplier is short after the demo complaint's penalty, as its staff would (see {@link DepositTopUpDemoData}). */
    void topUpShortfalls() {
        SandboxPayer payer = sandbox.getIfAvailable();
        if (payer == null) {
            return;
        }
        for (String phone : STAFF) {
            Optional<AccountId> staff = accounts.findByPhone(phone).map(account -> account.id());
            staff.flatMap(suppliers::supplierOf).ifPresent(supplier -> {
                long shortfall = deposits.standing(supplier).shortfall().fen();
                if (shortfall > 0) {
                    pay(payer, supplier, staff.get(), shortfall);
                }
            });
        }
    }

    private void pay(SandboxPayer payer, SupplierId supplier, AccountId staff, long fen) {
        String payment = topUps.start(supplier, staff, fen).paymentNumber();
        payer.pay(payment);
        payments.recover(payment); // records it now rather than when the sandbox's notification arrives
    }
}
