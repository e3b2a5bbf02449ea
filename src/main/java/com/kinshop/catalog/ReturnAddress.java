package com.kinshop.catalog;

/** Where a supplier takes returned goods (退货地址): who receives them, a phone the carrier can call, and the address. */
public record ReturnAddress(String name, String phone, String address) {

    /** One line to paste into a carrier's form. */
    public String oneLine() {
        return name + " " + phone + " " + address;
    }
}
