package com.kinshop.ordering.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on the buyer's order pages, in the platform's time zone (Asia/Shanghai): {@code ${@buyerTimes.at(order.createdAt)}}. */
@Component("buyerTimes")
class BuyerTimes {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    BuyerTimes(@Value("${kinshop.time-zone}") ZoneId zone) {
        this.zone = zone;
    }

    public String at(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }
}
