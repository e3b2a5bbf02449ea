package com.kinshop.groupbuy;

import io.swagger.v3.oas.annotations.media.Schema;

/** A campaign with how its groups went. */
@Schema(name = "GroupCampaignFigures")
public record CampaignFigures(GroupCampaign campaign, int groupsOpened, int groupsOpen, int groupsSucceeded, int groupsFailed,
                              @Schema(description = "Succeeded groups among the closed ones, in percent (0 when none closed)", example = "66.7")
                              double successRatePercent) {

    static double rate(int succeeded, int failed) {
        int closed = succeeded + failed;
        return closed == 0 ? 0 : Math.round(succeeded * 1000.0 / closed) / 10.0;
    }
}
