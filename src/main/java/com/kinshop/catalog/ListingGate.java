package com.kinshop.catalog;

/**
 * Asked before a supplier's product is submitted for review (listed): another module may refuse it by throwing a
 * {@link com.kinshop.shared.BusinessException} (the deposit module: a supplier below its required deposit must top
 * up first). Catalog knows only this interface, never who implements it.
 */
public interface ListingGate {

    void checkMayList(SupplierId supplier);
}
