package com.kinshop;

import com.kinshop.commission.CommissionStatus;
import com.kinshop.coupon.CouponState;
import com.kinshop.ordering.AfterSaleStatus;
import com.kinshop.ordering.OrderStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order, after-sales and commission states are named in SQL only through bound parameters, so the moves declared
 * in their enums are the whole state machine. Scans every string literal in the main sources for a quoted state name
 * ({@code 'PAID'}) of the machines whose tables the statement names; a fragment naming no table (a condition kept in a
 * constant) is checked against the machines whose tables the rest of its file names.
 */
class StatusLiteralsInSqlTest {

    private static final Map<String, Set<String>> STATES_BY_TABLE = Map.ofEntries(
            Map.entry("orders", names(OrderStatus.values())),
            Map.entry("after_sale", names(AfterSaleStatus.values())),
            Map.entry("commission", names(CommissionStatus.values())),
            Map.entry("member_coupon", names(CouponState.values())),
            Map.entry("red_packet_campaign", names(com.kinshop.redpacket.CampaignStatus.values())),
            Map.entry("red_packet_claim", names(com.kinshop.redpacket.ClaimStatus.values())),
            Map.entry("group_campaign", names(com.kinshop.groupbuy.CampaignReview.values())),
            Map.entry("group_buy", names(com.kinshop.groupbuy.GroupStatus.values())),
            Map.entry("group_seat", names(com.kinshop.groupbuy.SeatStatus.values())),
            Map.entry("bargain_campaign", names(com.kinshop.bargain.CampaignStatus.values())),
            Map.entry("bargain", names(com.kinshop.bargain.BargainStatus.values())),
            Map.entry("flash_sale", names(com.kinshop.flashsale.FlashReview.values())),
            Map.entry("flash_claim", names(com.kinshop.flashsale.ClaimStatus.values())),
            Map.entry("complaint", names(com.kinshop.complaint.ComplaintStatus.values())),
            Map.entry("deposit_top_up", names(com.kinshop.deposit.TopUpStatus.values())),
            Map.entry("deposit_return", names(com.kinshop.deposit.ReturnStatus.values())),
            Map.entry("review", names(com.kinshop.review.ReviewStatus.values())));
    private static final Pattern TABLE = Pattern.compile("\\b(?:from|join|update|into)\\s+([a-z_]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("'([A-Z_]+)'");

    @Test
    void noStateOfTheseMachinesIsWrittenIntoSql() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                offences(Files.readString(source)).forEach(literal -> offences.add(source + ": " + literal));
            }
        }
        assertThat(offences).as("bind the enum's name instead (status = ? with OrderStatus.PAID.name())").isEmpty();
    }

    @Test
    void theScanFindsStatesWrittenIntoSqlAndOnlyThose() {
        assertThat(offences("jdbc.sql(\"update orders set status = 'PAID' where id = ?\")")).containsExactly("'PAID'");
        assertThat(offences("String sql = \"\"\"\n select 1 from after_sale a\n where a.status in ('REQUESTED', 'ESCALATED')\"\"\";"))
                .containsExactly("'REQUESTED'", "'ESCALATED'");
        assertThat(offences("static final String HELD = \"c.status = 'HELD'\"; void f() { jdbc.sql(\"select 1 from commission c where \" + HELD); }"))
                .as("a fragment naming no table, in a file about commission").containsExactly("'HELD'");
        assertThat(offences("move(\"status in ('DRAFT', 'REJECTED')\"); jdbc.sql(\"update product set status = ?\");"))
                .as("a fragment in a file about another table").isEmpty();
        assertThat(offences("jdbc.sql(\"select sum(amount_fen) from withdrawal where status = 'PAID'\")"))
                .as("another table with states of its own").isEmpty();
        assertThat(offences("jdbc.sql(\"update orders set status = :to where id = :id and status in (:from)\")")).isEmpty();
        assertThat(offences("// update orders set status = 'PAID'\n/* from commission 'SETTLED' */ char quote = '\"'; String s = \"select 1 from commission where 'ESTIMATED'\";"))
                .as("comments skipped, a quote character does not open a string").containsExactly("'ESTIMATED'");
    }

    /** The quoted state names in this Java source's string literals that belong to a machine the literal's SQL touches. */
    static List<String> offences(String javaSource) {
        List<String> found = new ArrayList<>();
        List<String> literals = stringLiterals(javaSource);
        Set<String> tablesOfFile = tables(String.join("\n", literals));
        for (String literal : literals) {
            Set<String> tables = tables(literal).isEmpty() ? tablesOfFile : tables(literal);
            Set<String> states = new HashSet<>();
            STATES_BY_TABLE.forEach((name, names) -> {
                if (tables.contains(name)) {
                    states.addAll(names);
                }
            });
            Matcher quoted = QUOTED.matcher(literal);
            while (quoted.find()) {
                if (states.contains(quoted.group(1))) {
                    found.add(quoted.group());
                }
            }
        }
        return found;
    }

    private static Set<String> tables(String sql) {
        Set<String> tables = new HashSet<>();
        Matcher table = TABLE.matcher(sql);
        while (table.find()) {
            tables.add(table.group(1).toLowerCase());
        }
        return tables;
    }

    /** The contents of every string literal and text block, comments and character literals skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end + 1;
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (source.charAt(i) == '"') {
                int end = i + 1;
                while (source.charAt(end) != '"') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                literals.add(source.substring(i + 1, end));
                i = end + 1;
            } else if (source.charAt(i) == '\'') {
                i = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static Set<String> names(Enum<?>[] states) {
        Set<String> names = new HashSet<>();
        Arrays.stream(states).forEach(state -> names.add(state.name()));
        return names;
    }
}
