package com.kinshop.identity;

/** What an account may do. Every account is a member; suppliers' staff and operators have more. */
public enum Role {
    MEMBER, SUPPLIER_STAFF, OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
