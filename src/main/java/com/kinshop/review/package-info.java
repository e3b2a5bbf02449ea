/**
 * Reviews (评价): a buyer's stars, text and images per received order line, one follow-up (追评), the supplier's one
 * reply each; never deleted or edited, only hidden by an operator for illegal content (audited, stars still count).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reviews")
package com.kinshop.review;
