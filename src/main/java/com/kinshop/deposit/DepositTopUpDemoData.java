package com.kinshop.deposit;

import com.kinshop.shared.DemoDataSeeder;
import com.kinshop.shared.OnDemoOrders;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the demo complaints (which take a penalty from 山野生活's deposit), the demo suppliers top up what they are short,
 * so both demo suppliers can list new products and the deposit's history shows a pay-in, a penalty and a top-up.
 */
@Component
@Order(77)
@OnDemoOrders
class DepositTopUpDemoData implements DemoDataSeeder {

    private final DepositDemoData payIns;

    DepositTopUpDemoData(DepositDemoData payIns) {
        this.payIns = payIns;
    }

    @Override
    public void seed() {
        payIns.topUpShortfalls();
    }
}
