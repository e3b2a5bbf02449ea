package com.kinshop.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Times reach people in one zone, through one bean: never a raw instant or a zone-less format in a template. */
class DisplayTimesTest {

    private static final Instant HALF_PAST_ELEVEN_UTC = Instant.parse("2026-12-06T11:30:05Z");
    private static final Pattern RENDERED = Pattern.compile("th:(?:u?text|title|value|attr)=\"([^\"]*)\"");
    private static final Pattern FORMATTED_OR_KEY = Pattern.compile("@displayTimes\\.\\w+\\([^()]*\\)|#\\{[\\w.\\-]+");
    private static final Pattern TIME_PROPERTY = Pattern.compile("\\b\\w+\\.\\w+(?:At|Deadline|Until)\\b(?!\\s*[!=]=\\s*null)");

    private final DisplayTimes beijing = new DisplayTimes(ZoneId.of("Asia/Shanghai"));

    @Test
    void everyFormatIsInTheDisplayZone() {
        assertThat(beijing.minutes(HALF_PAST_ELEVEN_UTC)).isEqualTo("2026-12-06 19:30");
        assertThat(beijing.minutes(HALF_PAST_ELEVEN_UTC.atOffset(java.time.ZoneOffset.UTC))).isEqualTo("2026-12-06 19:30");
        assertThat(beijing.monthDayMinutes(HALF_PAST_ELEVEN_UTC)).isEqualTo("12-06 19:30");
        assertThat(beijing.monthDaySeconds(HALF_PAST_ELEVEN_UTC)).isEqualTo("12-06 19:30:05");
        assertThat(beijing.day(Instant.parse("2026-12-06T16:30:00Z"))).as("past midnight in Beijing").isEqualTo("2026-12-07");
        assertThat(beijing.monthDay(LocalDate.of(2026, 12, 6))).isEqualTo("12-06");
        assertThat(beijing.iso(HALF_PAST_ELEVEN_UTC)).isEqualTo("2026-12-06T19:30:05+08:00");
        assertThat(OffsetDateTime.parse(beijing.iso(HALF_PAST_ELEVEN_UTC)).toInstant()).isEqualTo(HALF_PAST_ELEVEN_UTC);
        // as PostgreSQL keeps it (rounded to the microsecond), so a time answered on write reads the same later
        assertThat(beijing.iso(Instant.parse("2026-12-08T11:42:47.005717871Z"))).isEqualTo("2026-12-08T19:42:47.005718+08:00");
        assertThat(beijing.iso(Instant.parse("2026-12-08T11:42:47.005717499Z"))).isEqualTo("2026-12-08T19:42:47.005717+08:00");
        assertThat(beijing.minutes(null)).isEmpty();
    }

    @Test
    void noTemplateRendersATimeExceptThroughDisplayTimes() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                if (html.contains("#temporals") || html.contains("#dates") || html.contains(".atZone")) {
                    offenders.add(file + ": formats a time itself");
                }
                Matcher attribute = RENDERED.matcher(html);
                while (attribute.find()) {
                    Matcher raw = TIME_PROPERTY.matcher(FORMATTED_OR_KEY.matcher(attribute.group(1)).replaceAll("''"));
                    while (raw.find()) {
                        offenders.add(file + ": " + raw.group() + " in " + attribute.group());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
