package com.kinshop.identity;

/** The shapes of identity inputs, shared by the request records. */
public final class Validation {

    /** A mainland China mobile number: 11 digits starting 13–19. */
    public static final String PHONE = "1[3-9]\\d{9}";
    /** 8–64 characters with at least one letter and one digit. */
    public static final String PASSWORD = "(?=.*[A-Za-z])(?=.*\\d)\\S{8,64}";

    private Validation() {
    }
}
