package com.kinshop.shared;

import java.util.Collection;
import java.util.List;

/** States as SQL sees them: bind these names ({@code status in (:states)}), never write a status literal into SQL. */
public final class StateNames {

    private StateNames() {
    }

    public static List<String> of(Collection<? extends Enum<?>> states) {
        return states.stream().map(Enum::name).sorted().toList();
    }
}
