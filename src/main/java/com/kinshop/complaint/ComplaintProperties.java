package com.kinshop.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code kinshop.complaint.*}: how long after payment a buyer may complain about an order, how long the supplier has
 * to answer before the complaint goes to the operator unanswered, and how often the timer looks for those.
 */
@ConfigurationProperties("kinshop.complaint")
public record ComplaintProperties(@DefaultValue("90d") Duration fileWithin, @DefaultValue("72h") Duration answerWithin,
                                  @DefaultValue("1m") Duration timerInterval) {
}
