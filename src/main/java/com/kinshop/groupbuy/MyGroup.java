package com.kinshop.groupbuy;

import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One of the member's seats, for 我的拼团: the tab it belongs in and, for a failed group, the refund. */
@Schema(name = "MyGroup")
public record MyGroup(long groupId, String productName, String imageUrl, String spec, int quantity, Money paid, boolean leader,
                      GroupStatus groupStatus, SeatStatus seatStatus, int size, int paidCount, int virtualSeats, Instant deadline, String orderNumber,
                      String checkoutNumber,
                      @Schema(description = "ONGOING (拼团中), SUCCEEDED (已成团) or FAILED (未成团, refunded or being refunded)") Tab tab,
                      @Schema(description = "The refund number once the refund was asked for (RW + order number)") String refundNumber) {

    public enum Tab { ONGOING, SUCCEEDED, FAILED }

    static Tab tabOf(GroupStatus group, SeatStatus seat) {
        if (seat == SeatStatus.REFUNDING || seat == SeatStatus.REFUNDED || group == GroupStatus.FAILED) {
            return Tab.FAILED;
        }
        return group == GroupStatus.SUCCEEDED ? Tab.SUCCEEDED : Tab.ONGOING;
    }
}
