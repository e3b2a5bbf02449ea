package com.kinshop.deposit;

import com.kinshop.deposit.DepositFixtures.Bought;
import com.kinshop.ledger.Ledger;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A penalty racing the deposit's return, and two penalties racing each other: the deposit is never overdrawn, every
 * request gets a 2xx or a clear 409, and the books prove it after each test.
 */
@KinshopIT
class DepositRacesIT extends MoneyPathTest {

    private static final long DEPOSIT = 30_000;
    private static final long PENALTY = 20_000;

    @Autowired
    Ledger ledger;
    DepositFixtures deposits;

    @BeforeEach
    void depositFixtures() {
        deposits = new DepositFixtures(fixtures, purchases, ledger, jdbc);
    }

    @Test
    void aPenaltyRacingTheReturnOfTheDepositNeverOverdrawsIt() throws Exception {
        HttpSession operator = fixtures.operator();
        int returnedRounds = 0;
        int refusedRounds = 0;
        for (int round = 0; round < 9; round++) {
            Bought bought = deposits.paidOrder("竞速果园" + round, (int) (DEPOSIT / 100));
            deposits.refund(bought); // no order in progress: only the open complaint stands between the supplier and its exit
            String complaint = answeredComplaint(bought);
            AtomicInteger next = new AtomicInteger();
            record Answer(boolean penalty, Response response) {
            }
            // a third of the rounds race the two; the others send one after the other answered (the penalty first, then the
            // return first), so both outcomes are seen whatever the machine's timing: on a busy machine one side may win
            // every race
            int order = round % 3; // 0: raced, 1: penalty first, 2: return first
            java.util.concurrent.CountDownLatch penaltyAnswered = new java.util.concurrent.CountDownLatch(order == 1 ? 1 : 0);
            java.util.concurrent.CountDownLatch returnAnswered = new java.util.concurrent.CountDownLatch(order == 2 ? 1 : 0);
            List<Answer> answers = Concurrently.all(2, () -> {
                if (next.getAndIncrement() == 0) {
                    returnAnswered.await();
                    try {
                        return new Answer(true, operator.post("/api/admin/complaints/" + complaint + "/decision", decision(PENALTY)));
                    } finally {
                        penaltyAnswered.countDown();
                    }
                }
                penaltyAnswered.await();
                try {
                    return new Answer(false, bought.supplier().session().post("/api/supplier/deposit/return", Map.of()));
                } finally {
                    returnAnswered.countDown();
                }
            });
            Response penalty = answers.stream().filter(Answer::penalty).findFirst().orElseThrow().response();
            Response exit = answers.stream().filter(answer -> !answer.penalty()).findFirst().orElseThrow().response();
            for (Response answer : List.of(penalty, exit)) {
                assertThat(answer.status()).as(answer.toString()).isIn(200, 201, 409);
            }
            // the complaint is open until its decision commits, so the return either waited for it or was refused
            assertThat(penalty.status()).as(penalty.toString()).isEqualTo(200);
            long returned = returnedFen(bought.supplier());
            if (exit.status() == 201) {
                returnedRounds++;
                assertThat(exit.json().get("amount").get("fen").asLong()).isEqualTo(DEPOSIT - PENALTY);
                assertThat(returned).isEqualTo(DEPOSIT - PENALTY);
            } else {
                refusedRounds++;
                assertThat(exit.json().get("detail").asString()).isEqualTo("还有 1 条未结投诉，不能退出");
                assertThat(returned).isZero();
            }
            long balance = deposits.balance(bought.supplier().supplierId());
            assertThat(balance).as("never overdrawn").isGreaterThanOrEqualTo(0);
            assertThat(balance + returned + penaltyFen(complaint)).as("every fen accounted for").isEqualTo(DEPOSIT);
        }
        System.out.printf("Penalty vs return: returned after the penalty in %d rounds, refused while open in %d (6 of the 9 rounds in order, 3 raced)%n",
                returnedRounds, refusedRounds);
        assertThat(returnedRounds).as("the return went through after the penalty in some round").isPositive();
        assertThat(refusedRounds).as("the return was refused while the complaint was open in some round").isPositive();
    }

    @Test
    void twoPenaltiesThatTogetherExceedTheDepositTakeOnlyWhatItHolds() throws Exception {
        HttpSession operator = fixtures.operator();
        for (int round = 0; round < 4; round++) {
            Bought first = deposits.paidOrder("双罚果园" + round, (int) (DEPOSIT / 100));
            Member secondBuyer = fixtures.member("双罚买家" + round);
            long sku = jdbc.sql("select sku_id from order_line where id = ?").param(first.lineId()).query(Long.class).single();
            String secondOrder = purchases.placeAndPay(secondBuyer, 1, sku).orderNumbers().get(0);
            long secondLine = jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ?").param(secondOrder)
                    .query(Long.class).single();
            List<String> complaints = List.of(answeredComplaint(first), answeredComplaint(new Bought(first.supplier(), secondBuyer, secondOrder, secondLine)));
            AtomicInteger next = new AtomicInteger();
            List<Response> answers = Concurrently.all(2, () -> operator.post("/api/admin/complaints/" + complaints.get(next.getAndIncrement()) + "/decision",
                    decision(PENALTY)));
            assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
            Response refused = answers.stream().filter(answer -> answer.status() == 409).findFirst().orElseThrow();
            assertThat(refused.fieldError("penaltyFen")).isEqualTo("扣罚金额超过保证金余额 ¥100.00");
            assertThat(deposits.balance(first.supplier().supplierId())).isEqualTo(DEPOSIT - PENALTY);
            assertThat(complaints.stream().map(this::status).toList()).as("the refused decision changed nothing")
                    .containsExactlyInAnyOrder("UPHELD", "AWAITING_DECISION");
        }
    }

    private String answeredComplaint(Bought bought) {
        Response filed = bought.buyer().session().post("/api/me/complaints",
                Map.of("orderNumber", bought.order(), "category", "QUALITY", "text", "收到的商品与描述不符。"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String number = filed.json().get("number").asString();
        assertThat(bought.supplier().session().post("/api/supplier/complaints/" + number + "/answer", Map.of("answer", "已核实。")).status()).isEqualTo(200);
        return number;
    }

    private static Map<String, Object> decision(long penaltyFen) {
        return new HashMap<>(Map.of("upheld", true, "penaltyFen", penaltyFen, "penaltyTo", "PLATFORM", "reason", "商品与描述不符"));
    }

    private long returnedFen(Staff staff) {
        return jdbc.sql("select coalesce(sum(amount_fen), 0) from deposit_return where supplier_id = ?").param(staff.supplierId()).query(Long.class).single();
    }

    private long penaltyFen(String complaint) {
        return jdbc.sql("select coalesce(penalty_fen, 0) from complaint where number = ?").param(complaint).query(Long.class).single();
    }

    private String status(String complaint) {
        return jdbc.sql("select status from complaint where number = ?").param(complaint).query(String.class).single();
    }
}
