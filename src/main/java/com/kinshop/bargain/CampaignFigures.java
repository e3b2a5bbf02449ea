package com.kinshop.bargain;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A campaign's figures for its supplier and the operator: bargains started, helps given, bargains that reached the
 * floor, bargains bought; and its units — sold + reserved + available = units, always.
 */
@Schema(name = "BargainCampaignFigures")
public record CampaignFigures(BargainCampaign campaign, long started, long helps,
                              @Schema(description = "Bargains whose last needed cut landed on the floor (bought at the floor or not)") long completedAtFloor,
                              long bought, int unitsSold,
                              @Schema(description = "Units in orders awaiting payment") int unitsReserved, int unitsAvailable) {
}
