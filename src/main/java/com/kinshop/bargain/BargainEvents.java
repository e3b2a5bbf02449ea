package com.kinshop.bargain;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.Money;

/** What happens to a bargain, published in the transaction that made it happen. */
public final class BargainEvents {

    private BargainEvents() {
    }

    /** The last needed cut landed on the floor: the starter can buy at the floor now. */
    public record BargainAtFloor(long bargainId, AccountId starter, String productName, Money floorPrice) {
    }
}
