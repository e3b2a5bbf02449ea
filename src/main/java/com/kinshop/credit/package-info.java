/**
 * Scores: the composite product score (综合评分) that ranks products, and the supplier credit score (信用分) with its
 * levels, flags and throttles; both recomputed on events from reviews, orders, complaints and deposits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scores and credit")
package com.kinshop.credit;
