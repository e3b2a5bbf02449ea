/**
 * Complaints (投诉): a buyer's complaint against a supplier about an order, the supplier's answer within a deadline, and
 * the operator's arbitration (upheld with a penalty from the deposit, or dismissed), each with a reason both sides see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package com.kinshop.complaint;
