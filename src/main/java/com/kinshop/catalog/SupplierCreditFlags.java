package com.kinshop.catalog;

import java.util.Collection;
import java.util.Set;

/**
 * Which suppliers are flagged for low credit (低信用), so the operator's product review queue can mark their
 * submissions. Implemented by the credit module (catalog must not depend on it); none at all means nobody is flagged.
 */
public interface SupplierCreditFlags {

    Set<SupplierId> lowCredit(Collection<SupplierId> suppliers);
}
