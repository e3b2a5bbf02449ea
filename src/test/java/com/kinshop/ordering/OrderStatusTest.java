package com.kinshop.ordering;

import com.kinshop.ordering.OrderStatus.Move;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static com.kinshop.ordering.OrderStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The order's state machine, written out by hand: every pair of states is either in this list or refused. */
class OrderStatusTest {

    private static final List<List<OrderStatus>> ALLOWED = List.of(
            List.of(AWAITING_PAYMENT, PAID), List.of(AWAITING_PAYMENT, CANCELLED),
            List.of(PAID, SHIPPED), List.of(SHIPPED, RECEIVED), List.of(RECEIVED, COMPLETED),
            List.of(PAID, REFUNDED), List.of(SHIPPED, REFUNDED), List.of(RECEIVED, REFUNDED), List.of(COMPLETED, REFUNDED));

    @Test
    void everyPairOfStatesIsAllowedExactlyWhenListed() {
        for (OrderStatus from : values()) {
            for (OrderStatus to : values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(ALLOWED.contains(List.of(from, to)));
            }
        }
    }

    @Test
    void refusesGoingBackOrLeavingAnEnd() {
        assertThat(COMPLETED.canMoveTo(PAID)).isFalse();
        assertThat(SHIPPED.canMoveTo(PAID)).isFalse();
        assertThat(PAID.canMoveTo(CANCELLED)).as("a paid order is refunded, not cancelled").isFalse();
        assertThat(PAID.canMoveTo(RECEIVED)).as("not received before it shipped").isFalse();
        for (OrderStatus to : values()) {
            assertThat(CANCELLED.canMoveTo(to)).as("CANCELLED → " + to).isFalse();
            assertThat(REFUNDED.canMoveTo(to)).as("REFUNDED → " + to).isFalse();
        }
    }

    @Test
    void eachMoveStartsWhereItShould() {
        assertThat(Move.PAY.from()).containsExactly(AWAITING_PAYMENT);
        assertThat(Move.PAY.to()).isEqualTo(PAID);
        assertThat(Move.CANCEL.from()).containsExactly(AWAITING_PAYMENT);
        assertThat(Move.CANCEL.to()).isEqualTo(CANCELLED);
        assertThat(Move.SHIP.from()).containsExactly(PAID);
        assertThat(Move.RECEIVE.from()).containsExactly(SHIPPED);
        assertThat(Move.COMPLETE.from()).containsExactly(RECEIVED);
        assertThat(Move.REFUND_WHOLLY.from()).isEqualTo(EnumSet.of(PAID, SHIPPED, RECEIVED, COMPLETED));
        assertThat(Move.REFUND_WHOLLY.to()).isEqualTo(REFUNDED);
    }

    @Test
    void unpaidOrdersAreTheOnesNoPaymentMovedOn() {
        assertThat(UNPAID).isEqualTo(Set.of(AWAITING_PAYMENT, CANCELLED));
    }
}
