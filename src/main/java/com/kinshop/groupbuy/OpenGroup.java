package com.kinshop.groupbuy;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A group still open with seats left, offered to join (去凑团). */
@Schema(name = "OpenGroup")
public record OpenGroup(long groupId, @Schema(description = "The leader's nickname, masked") String leaderName, String leaderAvatarUrl,
                        int seatsLeft, Instant deadline) {
}
