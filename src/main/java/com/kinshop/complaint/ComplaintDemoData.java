package com.kinshop.complaint;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.ordering.OrderFacts;
import com.kinshop.ordering.Orders;
import com.kinshop.shared.DemoDataSeeder;
import com.kinshop.shared.OnDemoOrders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Complaints in every state, on the demo buyers' paid orders, made through the same services as buyers, suppliers and
 * the operator: one awaiting the supplier's answer, one answered and awaiting the operator, one upheld with a 300-yuan
 * penalty from 山野生活's deposit paid to the buyer (that supplier then tops it up), another against it upheld without one,
 * dismissed, one withdrawn. Off with {@code kinshop.demo.complaints=false} (the tests: a penalty would change a demo
 * buyer's withdrawable balance other tests read).
 */
@Component
// on the demo orders only: never on orders a test (or anyone) made while the demo orders were left out
@OnDemoOrders
@Order(76)
class ComplaintDemoData implements DemoDataSeeder {

    private static final List<String> BUYERS = List.of("13800000004", "13800000005", "13800000002");
    private static final String OPERATOR = "13800000000";
    private static final String SHANYE_STAFF = "13900000002";

    private final Complaints complaints;
    private final Orders orders;
    private final OrderFacts facts;
    private final Accounts accounts;
    private final Suppliers suppliers;
    private final JdbcClient jdbc;
    private final boolean enabled;
    private final java.time.Clock clock;

    ComplaintDemoData(Complaints complaints, Orders orders, OrderFacts facts, Accounts accounts, Suppliers suppliers, JdbcClient jdbc,
                      @Value("${kinshop.demo.complaints:true}") boolean enabled, java.time.Clock clock) {
        this.clock = clock;
        this.complaints = complaints;
        this.orders = orders;
        this.facts = facts;
        this.accounts = accounts;
        this.suppliers = suppliers;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    private record Paid(AccountId buyer, String order, SupplierId supplier) {
    }

    @Override
    public void seed() {
        if (!enabled || jdbc.sql("select exists (select 1 from complaint)").query(Boolean.class).single()) {
            return;
        }
        Optional<AccountId> operator = accounts.findByPhone(OPERATOR).map(account -> account.id());
        Optional<SupplierId> shanye = accounts.findByPhone(SHANYE_STAFF).flatMap(staff -> suppliers.supplierOf(staff.id()));
        List<Paid> paid = paidOrders();
        if (operator.isEmpty() || shanye.isEmpty() || paid.size() < 5) {
            return;
        }
        List<Paid> ofShanye = new ArrayList<>(paid.stream().filter(p -> p.supplier().equals(shanye.get())).toList());
        List<Paid> others = new ArrayList<>(paid.stream().filter(p -> !p.supplier().equals(shanye.get())).toList());
        Paid upheld = take(ofShanye, others);
        String number = file(upheld, ComplaintCategory.NOT_AS_DESCRIBED, "详情页写的是一级果、单果 200 克以上，收到的大部分只有 120 克左右，还有三个已经软烂。");
        complaints.answer(upheld.supplier(), number, "本批次因天气原因个头偏小，已在详情页补充说明，可以为您补发。");
        complaints.decide(operator.get(), number, new Complaints.Decision(true, 30_000L, "BUYER", "实物与详情页描述的规格明显不符，商家未提前告知，按平台规则赔付买家 300 元。"));

        Paid upheldAgain = take(ofShanye, others);
        number = file(upheldAgain, ComplaintCategory.QUALITY, "收到的菌菇有一半发霉了，联系客服只说是运输问题，不给处理。");
        complaints.answer(upheldAgain.supplier(), number, "已为您登记，等仓库核实后再处理。");
        complaints.decide(operator.get(), number, new Complaints.Decision(true, null, null, "买家照片显示商品发霉，商家未给出处理方案，投诉成立，记入商家信用；本次不处罚保证金。"));

        Paid dismissed = take(others, ofShanye);
        number = file(dismissed, ComplaintCategory.LATE_SHIPMENT, "下单后三天才发货，页面写的是 48 小时内发货。");
        complaints.answer(dismissed.supplier(), number, "订单在周末付款，按页面说明“工作日 48 小时内发货”，周一当天已发出，附物流记录。");
        complaints.decide(operator.get(), number, new Complaints.Decision(false, null, null, "物流记录显示在承诺的工作日 48 小时内发货，投诉不成立。"));

        Paid awaitingDecision = take(others, ofShanye);
        number = file(awaitingDecision, ComplaintCategory.AFTER_SALES_EVASION, "申请售后后客服一直说在核实，五天没有任何进展。");
        complaints.answer(awaitingDecision.supplier(), number, "售后专员休假导致处理延迟，非常抱歉，已安排专人跟进并优先处理。");

        Paid awaitingAnswer = take(others, ofShanye);
        file(awaitingAnswer, ComplaintCategory.QUALITY, "收到的包装袋有破口，里面的东西受潮结块了，希望商家给个说法。");

        Paid withdrawn = take(others, ofShanye);
        number = file(withdrawn, ComplaintCategory.SERVICE_ATTITUDE, "客服回复很慢，语气也不太好。");
        complaints.withdraw(withdrawn.buyer(), number);
        org.slf4j.LoggerFactory.getLogger(ComplaintDemoData.class).info("Demo complaints: one in each state, one upheld with a penalty to the buyer");
    }

    private String file(Paid paid, ComplaintCategory category, String text) {
        return complaints.file(paid.buyer(), new Complaints.Filing(paid.order(), null, category.name(), text), List.of()).number();
    }

    private static Paid take(List<Paid> preferred, List<Paid> otherwise) {
        return preferred.isEmpty() ? otherwise.remove(0) : preferred.remove(0);
    }

    /** The demo buyers' orders paid in the last 30 days (inside the complaint window) and not refunded, newest first per buyer. */
    private List<Paid> paidOrders() {
        EnumSet<OrderStatus> kept = EnumSet.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.RECEIVED, OrderStatus.COMPLETED);
        List<Paid> paid = new ArrayList<>();
        for (String phone : BUYERS) {
            accounts.findByPhone(phone).ifPresent(buyer -> orders.ofBuyer(buyer.id(), null, 30).stream()
                    .filter(order -> kept.contains(order.status()))
                    .forEach(order -> facts.parties(order.number())
                            .filter(parties -> parties.paidAt() != null && parties.paidAt().isAfter(clock.instant().minus(java.time.Duration.ofDays(30))))
                            .ifPresent(parties -> paid.add(new Paid(buyer.id(), order.number(), parties.supplier())))));
        }
        return paid;
    }
}
