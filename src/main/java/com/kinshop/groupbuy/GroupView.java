package com.kinshop.groupbuy;

import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A group as anyone may see it: members by masked name and avatar, seats, deadline, and whether virtual fill is on. */
@Schema(name = "GroupView")
public record GroupView(long groupId, long campaignId, long productId, String productName, String imageUrl, GroupStatus status, int size,
                        @Schema(description = "Seats held: awaiting payment or paid") int seatsTaken, int paidCount,
                        @Schema(description = "Seats left to take while the group is open") int seatsLeft,
                        @Schema(description = "Seats completed by virtual fill (模拟成团): no order and no money behind them") int virtualSeats,
                        Instant deadline, Money groupPrice, Money normalPrice, List<Member> members,
                        @Schema(description = "The campaign's virtual fill (模拟成团) is on: disclosed on the group page") boolean virtualFillOn,
                        @Schema(description = "Open, before its deadline, with a seat left") boolean joinable) {

    @Schema(name = "GroupMember")
    public record Member(@Schema(description = "Nickname masked: first character and stars") String name, String avatarUrl, boolean leader,
                         boolean paid) {
    }
}
