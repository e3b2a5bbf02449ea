package com.kinshop.bargain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one bargain policy that is configuration: whether the starter takes their own first cut (自砍一刀) when the
 * bargain starts ({@code kinshop.bargains.starter-cuts-first}, on by default). When on, the schedule has one cut
 * more than the friends needed and the starter's is the first; the starter never cuts again (a help of one's own
 * bargain is refused). When off, every cut is a friend's.
 */
@Component
class BargainPolicy {

    private final boolean starterCutsFirst;

    BargainPolicy(@Value("${kinshop.bargains.starter-cuts-first:true}") boolean starterCutsFirst) {
        this.starterCutsFirst = starterCutsFirst;
    }

    boolean starterCutsFirst() {
        return starterCutsFirst;
    }

    /** The cuts a bargain's schedule has for this many friends. */
    int cuts(int helpersNeeded) {
        return helpersNeeded + (starterCutsFirst ? 1 : 0);
    }
}
