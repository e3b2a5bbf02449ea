package com.kinshop.flashsale;

import com.kinshop.counter.HotCounters;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Idempotency;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/**
 * The buy gate. Cheap checks first (the body, the session's terms from memory, the server's clock), then one atomic
 * take from the hot counter with the member's limit: sold out and limit reached are answered there, without touching
 * the database. Only a buyer holding a unit writes a claim ({@link FlashClaimWriter}), whose unique keys make the
 * database the judge: if the counter lied, the attempt fails and the counter is reloaded — never an oversell. The
 * order is written right after the claim commits ({@link FlashOrders}).
 *
 * <p>A double tap with one {@code Idempotency-Key} is one attempt: the key is stored with the claim (unique per
 * member and session), so the second tap gets the first one's claim. Not {@link Idempotency}'s table: it writes a row
 * per attempt, refusals included, which is the database write the gate exists to avoid.
 */
@Service
public class FlashGate {

    private final FlashFacts facts;
    private final FlashPools pools;
    private final FlashClaimWriter writer;
    private final FlashOrders orders;
    private final FlashAttempts attempts;
    private final Clock clock;

    FlashGate(FlashFacts facts, FlashPools pools, FlashClaimWriter writer, FlashOrders orders, FlashAttempts attempts, Clock clock) {
        this.facts = facts;
        this.pools = pools;
        this.writer = writer;
        this.orders = orders;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** What a member asks for: one unit of a SKU of the session, delivered to one of their addresses. */
    @Schema(name = "FlashBuyRequest", requiredProperties = {"skuId", "addressId"})
    public record BuyRequest(@Schema(description = "A SKU of the session", example = "1") Long skuId,
                             @Schema(description = "One of my addresses", example = "2") Long addressId,
                             @Schema(description = "The sharer's shop code from the link the buyer came through (binding and commission)") String shopCode) {
    }

    public FlashClaim buy(AccountId member, long saleId, BuyRequest request, String key) {
        if (key != null) {
            Idempotency.requireValid(key); // the same keys as everywhere; kept on the claim rather than as a stored response
        }
        if (request == null || request.skuId() == null) {
            throw BusinessException.invalid("skuId", "flash.sku.required");
        }
        if (request.addressId() == null) {
            throw BusinessException.invalid("addressId", "flash.address.required");
        }
        if (request.shopCode() != null && !request.shopCode().isBlank() && !request.shopCode().strip().matches("[a-z0-9]{4,12}")) {
            throw BusinessException.invalid("shopCode", "flash.shop-code.invalid");
        }
        FlashFacts.SaleFacts sale = facts.of(saleId).filter(found -> found.review() == FlashReview.APPROVED)
                .orElseThrow(() -> BusinessException.notFound("flash.sale.not-found"));
        FlashFacts.ItemFacts item = sale.items().get(request.skuId());
        if (item == null) {
            throw BusinessException.invalid("skuId", "flash.sku.not-in-sale");
        }
        FlashRules.requireOpen(sale.startsAt(), sale.endsAt(), clock.instant());
        attempts.count(saleId);
        // two rounds: a slot found held by a live claim means the counter was stale; it is reloaded and asked once more
        for (int round = 0; round < 2; round++) {
            HotCounters.Take take = pools.take(sale, item, member.value());
            switch (take.outcome()) {
                case SOLD_OUT, NOT_LOADED -> throw BusinessException.conflict("skuId", "flash.sold-out");
                case LIMIT_REACHED -> {
                    Optional<FlashClaim> earlier = key == null ? Optional.empty() : writer.byKey(member, sale.id(), key, request);
                    return earlier.orElseThrow(() -> BusinessException.conflict("skuId", "flash.limit-reached", sale.perMemberLimit()));
                }
                case TAKEN -> {
                    FlashClaimWriter.Written written = writer.write(member, sale, item, take.slot(), request, key);
                    if (written.claim() != null) {
                        if (written.fresh()) {
                            orders.placeSoon(written.claim().claimId());
                        }
                        return written.claim();
                    }
                    pools.load(sale.id(), item, true);
                }
            }
        }
        throw BusinessException.conflict("skuId", "flash.sold-out");
    }
}
