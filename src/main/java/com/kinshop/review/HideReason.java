package com.kinshop.review;

/** The only reasons an operator may hide a review, a follow-up or a reply (illegal content); shown in the audit list. */
public enum HideReason {
    /** 违法违规 */
    ILLEGAL,
    /** 色情低俗 */
    VULGAR,
    /** 泄露隐私 */
    PRIVACY,
    /** 广告引流 */
    ADVERTISING,
    /** 辱骂攻击 */
    ABUSE
}
