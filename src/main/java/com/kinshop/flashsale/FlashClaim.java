package com.kinshop.flashsale;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A unit won at the gate and what became of it: poll it until its order is written, then pay before {@code payBefore}. */
@Schema(name = "FlashClaim")
public record FlashClaim(long claimId,
                         @Schema(description = "QUEUED (won, its order being written), ORDERED (pay it), PAID, FAILED (see failure), RELEASED (unpaid in time)")
                         ClaimStatus status, long flashSaleId, long skuId,
                         @Schema(description = "Pay it at /api/me/checkouts/{checkoutNumber}/payments or the page /me/pay/{checkoutNumber}") String checkoutNumber,
                         List<String> orderNumbers, Instant payBefore,
                         @Schema(description = "Why the order could not be written (a message key), when FAILED") String failure) {

    static FlashClaim queued(long claimId, long saleId, long skuId) {
        return new FlashClaim(claimId, ClaimStatus.QUEUED, saleId, skuId, null, List.of(), null, null);
    }
}
