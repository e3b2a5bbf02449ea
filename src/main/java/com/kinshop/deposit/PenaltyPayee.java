package com.kinshop.deposit;

/** Where a penalty taken from a deposit goes, by the operator's choice: to the buyer who complained, or to the platform. */
public enum PenaltyPayee {
    /** The buyer's available balance (member:{id}:commission:available), which they may withdraw like commission. */
    BUYER,
    PLATFORM
}
