package com.kinshop.flashsale;

import com.kinshop.identity.AccountId;
import com.kinshop.ordering.Addresses;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Idempotency;
import com.kinshop.shared.StateNames;
import com.kinshop.shared.UniqueConstraints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Writes the claim of a unit the counter handed out. The insert picks the member's and the address's lowest free
 * number in 1..limit; the partial unique indexes over live claims then decide, whatever the counter said: a slot held
 * by another live claim (the counter was stale), a number taken by a concurrent tap, the same Idempotency-Key twice.
 * Whatever refuses the claim gives the unit back to the counter first — except a slot held elsewhere, which is not
 * this buyer's to give back (the gate reloads the pool instead).
 */
@Component
class FlashClaimWriter {

    private final JdbcClient jdbc;
    private final Addresses addresses;
    private final FlashPools pools;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FlashClaimWriter(JdbcClient jdbc, Addresses addresses, FlashPools pools, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.pools = pools;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The claim written (fresh) or found under the same key (not fresh); neither when the slot was held elsewhere. */
    record Written(FlashClaim claim, boolean fresh) {
        static final Written STALE_SLOT = new Written(null, false);
    }

    Written write(AccountId member, FlashFacts.SaleFacts sale, FlashFacts.ItemFacts item, long slot, FlashGate.BuyRequest request, String key) {
        try {
            Long id = transactions.execute(status -> insert(member, sale, item, slot, request, key));
            return new Written(FlashClaim.queued(id, sale.id(), item.skuId()), true);
        } catch (DuplicateKeyException duplicate) {
            if (UniqueConstraints.violated(duplicate, "flash_claim_live_slot")) {
                return Written.STALE_SLOT;
            }
            pools.giveBack(sale.id(), item.skuId(), member.value(), slot);
            // a double tap with one key collides on the member's number or on the key, whichever index PostgreSQL checks first;
            // by now the first tap has committed (the insert waited for it), so its claim is there to answer with
            Optional<FlashClaim> earlier = key == null ? Optional.empty() : byKey(member, sale.id(), key, request);
            if (earlier.isPresent()) {
                return new Written(earlier.get(), false);
            }
            throw limitReached(sale, UniqueConstraints.violated(duplicate, "flash_claim_live_address_nth"));
        } catch (RuntimeException refused) {
            pools.giveBack(sale.id(), item.skuId(), member.value(), slot);
            throw refused;
        }
    }

    private Long insert(AccountId member, FlashFacts.SaleFacts sale, FlashFacts.ItemFacts item, long slot, FlashGate.BuyRequest request, String key) {
        Addresses.Address address = addresses.toDeliverTo(member, new Addresses.AddressId(request.addressId()));
        String addressKey = FlashRules.addressKey(address.phone(), address.region(), address.detail());
        Optional<Long> id = jdbc.sql("""
                        insert into flash_claim (sale_id, sku_id, slot, member_id, address_id, address_key, nth_for_member, nth_for_address,
                                                 idempotency_key, shop_code, unit_price_fen, status, created_at)
                        select :sale, :sku, :slot, :member, :address, :addressKey, m.nth, a.nth, :key, :shop, :price, :queued, :now
                        from (select min(n) as nth from generate_series(1, :limit) n where n not in (
                                select nth_for_member from flash_claim where sale_id = :sale and member_id = :member and status in (:live))) m,
                             (select min(n) as nth from generate_series(1, :limit) n where n not in (
                                select nth_for_address from flash_claim where sale_id = :sale and address_key = :addressKey and status in (:live))) a
                        where m.nth is not null and a.nth is not null
                        returning id""")
                .param("sale", sale.id()).param("sku", item.skuId()).param("slot", slot).param("member", member.value())
                .param("address", request.addressId()).param("addressKey", addressKey).param("key", key)
                .param("shop", shopCode(request))
                .param("price", item.flashPriceFen()).param("queued", ClaimStatus.QUEUED.name()).param("now", FlashMoves.utc(clock.instant()))
                .param("limit", sale.perMemberLimit()).param("live", StateNames.of(ClaimStatus.LIVE))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            // no free number: say whether the member or the address is at the limit
            int memberHolds = jdbc.sql("select count(*) from flash_claim where sale_id = :sale and member_id = :member and status in (:live)")
                    .param("sale", sale.id()).param("member", member.value()).param("live", StateNames.of(ClaimStatus.LIVE)).query(Integer.class).single();
            throw limitReached(sale, memberHolds < sale.perMemberLimit());
        }
        return id.get();
    }

    /** The member's claim made with this key, when it asked for the same thing; the same key for something else is refused. */
    Optional<FlashClaim> byKey(AccountId member, long saleId, String key, FlashGate.BuyRequest request) {
        record Keyed(long id, long skuId, long addressId, String shopCode) {
        }
        Optional<Keyed> keyed = jdbc.sql("select id, sku_id, address_id, shop_code from flash_claim where sale_id = ? and member_id = ? and idempotency_key = ?")
                .params(saleId, member.value(), key).query((rs, n) -> new Keyed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).optional();
        if (keyed.isPresent() && (keyed.get().skuId() != request.skuId() || keyed.get().addressId() != request.addressId()
                || !java.util.Objects.equals(keyed.get().shopCode(), shopCode(request)))) {
            throw new BusinessException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key.reused", Idempotency.HEADER);
        }
        return keyed.map(found -> FlashClaimReads.claim(jdbc, member, found.id()));
    }

    /** The shop code as stored: trimmed, or none. */
    private static String shopCode(FlashGate.BuyRequest request) {
        return request.shopCode() == null || request.shopCode().isBlank() ? null : request.shopCode().strip();
    }

    private static BusinessException limitReached(FlashFacts.SaleFacts sale, boolean byAddress) {
        return byAddress ? BusinessException.conflict("addressId", "flash.limit-reached", sale.perMemberLimit())
                : BusinessException.conflict("skuId", "flash.limit-reached", sale.perMemberLimit());
    }

    static List<String> orderNumbers(String orderNumber) {
        return orderNumber == null ? List.of() : List.of(orderNumber);
    }
}
