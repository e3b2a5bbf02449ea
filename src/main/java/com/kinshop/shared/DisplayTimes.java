package com.kinshop.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * The one way a time reaches a person: in the display zone ({@code kinshop.time-zone}, Asia/Shanghai by default), so a
 * timeline never mixes zones. Pages call it as {@code ${@displayTimes.minutes(order.paidAt)}}; the JSON API writes
 * {@link #iso} (see {@code shared.web.JsonTimes}). Accepts an {@link Instant} or an {@link OffsetDateTime} (one
 * parameter type, so a null from a template is never ambiguous) and prints "" for null.
 */
@Component("displayTimes")
public class DisplayTimes {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter MONTH_DAY_MINUTES = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter MONTH_DAY_SECONDS = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final ZoneId zone;

    public DisplayTimes(@Value("${kinshop.time-zone}") ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** "2026-12-06 19:30" */
    public String minutes(TemporalAccessor time) {
        return format(time, MINUTES);
    }

    /** "12-06 19:30", where the year goes without saying (recent entries). */
    public String monthDayMinutes(TemporalAccessor time) {
        return format(time, MONTH_DAY_MINUTES);
    }

    /** "12-06 19:30:05" */
    public String monthDaySeconds(TemporalAccessor time) {
        return format(time, MONTH_DAY_SECONDS);
    }

    /** "2026-12-06" */
    public String day(TemporalAccessor time) {
        return format(time, DAY);
    }

    /** "12-06" of a calendar day already in the display zone (chart axes). */
    public String monthDay(LocalDate day) {
        return day == null ? "" : MONTH_DAY.format(day);
    }

    /** "2026-12-06T19:30:00+08:00": the API's one time format, ISO-8601 with the display zone's offset. */
    /** Rounded to the microsecond, as PostgreSQL stores it: a time answered when written reads the same when read back. */
    public String iso(Instant instant) {
        Instant stored = instant.plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(stored.atZone(zone).toOffsetDateTime());
    }

    /**
     * A console form's {@code datetime-local} value ("2026-12-06T19:30"), read in the display zone; null when left
     * empty (the form's own rules say whether that is allowed), a clear error naming the field when unreadable.
     */
    public Instant fromForm(String local, String field) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw BusinessException.invalid(field, "form.time.invalid");
        }
    }

    private String format(TemporalAccessor time, DateTimeFormatter pattern) {
        return time == null ? "" : pattern.format(Instant.from(time).atZone(zone));
    }
}
