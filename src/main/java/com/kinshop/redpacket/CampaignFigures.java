package com.kinshop.redpacket;

import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A campaign's money for its supplier: of the budget, what members claimed, what of that they spent, what went back
 * to the payable (unclaimed budget and unspent packets) and what the hold still keeps for it. budget = spent +
 * returned + held, always.
 */
@Schema(name = "RedPacketCampaignFigures")
public record CampaignFigures(Campaign campaign, Money claimed, int spentPackets, Money spent, Money returned, Money held) {
}
