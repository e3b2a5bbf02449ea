package com.kinshop;

import com.kinshop.catalog.ProductSort;
import com.kinshop.catalog.ProductStatus;
import com.kinshop.catalog.SupplierStatus;
import com.kinshop.identity.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails when a message key is missing in either language, or used in a page or in code without being defined. */
class I18nMessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)[}(]");
    private static final Pattern ANNOTATION_KEY = Pattern.compile("message = \"\\{([a-z0-9_.\\-]+)}\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(,\\s*(?:choice|number|plural))?");
    private static final Pattern ARRAY_ARGUMENT = Pattern.compile("(#\\{[^#]{1,80}?\\(\\$\\{[^}]*(?:arguments|args)\\(\\)}\\)})");
    /** A journal's kind names its message: Journal.builder(key, "KIND", ...) and the kinds handed to Withdrawals.giveBack. */
    private static final Pattern JOURNAL_KIND = Pattern.compile("(?:Journal\\.builder\\([^;]*?|giveBack\\([^;]*?)\"([A-Z][A-Z_]+)\"");
    private static final Pattern CODE_KEY = Pattern.compile("\"((?:checkout|order|cart|policy|tier|referral|withdrawal|commission|channel|compliance|aftersale|shipment|console|payment|refund|inbox|sandbox|address|shipping|ledger|sms|code|phone|password|nickname|login|rate|roles|account|auth|idempotency|media|request|supplier|product|sku|category|shop|settings|review|form|coupon)\\.[a-z0-9.\\-]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties chinese = load("messages.properties");
        Properties english = load("messages_en.properties");
        assertThat(english.stringPropertyNames()).as("keys only in Chinese").containsAll(chinese.stringPropertyNames());
        assertThat(chinese.stringPropertyNames()).as("keys only in English").containsAll(english.stringPropertyNames());
        chinese.forEach((key, text) -> assertThat(text.toString()).as("zh " + key).isNotBlank());
        english.forEach((key, text) -> assertThat(text.toString()).as("en " + key).isNotBlank());
    }

    @Test
    void everyKeyUsedInPagesAndCodeIsDefined() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(matches(RESOURCES.resolve("templates"), ".html", TEMPLATE_KEY));
        used.addAll(matches(Path.of("src/main/java"), ".java", ANNOTATION_KEY));
        used.addAll(matches(Path.of("src/main/java"), ".java", CODE_KEY));
        used.removeIf(key -> key.endsWith(".")); // prefixes of keys built from an enum or an action, listed below
        Stream.of(Role.values()).forEach(role -> used.add("role." + role.name()));
        Stream.of(SupplierStatus.values()).forEach(status -> used.add("supplier.status." + status.name()));
        Stream.of(ProductStatus.values()).forEach(status -> used.add("product.status." + status.name()));
        Stream.of(ProductSort.values()).forEach(sort -> used.add("sort." + sort.name()));
        Stream.of("approve", "reject", "suspend", "reinstate").forEach(decision -> used.add("supplier.decided." + decision));
        matches(Path.of("src/main/java"), ".java", JOURNAL_KIND).forEach(kind -> used.add("ledger.journal." + kind));
        used.add("ledger.journal.REVERSAL");
        Stream.of("MEMBER", "OWNER", "MANAGER").forEach(tier -> used.add("tier.name." + tier));
        assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
    }

    /**
     * Every message with arguments renders each of them, in both languages: a stray apostrophe (MessageFormat's quote)
     * or a broken choice format would swallow them, and the reader would see "{0}" or nothing.
     */
    @Test
    void everyArgumentOfEveryMessageIsRendered() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Locale locale = file.contains("_en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            load(file).forEach((key, text) -> {
                String pattern = text.toString();
                Matcher placeholder = PLACEHOLDER.matcher(pattern);
                List<Integer> numeric = new ArrayList<>();
                int count = 0;
                while (placeholder.find()) {
                    int index = Integer.parseInt(placeholder.group(1));
                    count = Math.max(count, index + 1);
                    if (placeholder.group(2) != null) {
                        numeric.add(index);
                    }
                }
                for (int amount : count == 0 ? new int[0] : new int[] {1, 2}) { // without arguments Spring shows the text as it is
                    Object[] args = new Object[count];
                    for (int i = 0; i < count; i++) {
                        args[i] = numeric.contains(i) ? (Object) amount : "«" + i + "»";
                    }
                    String rendered = new MessageFormat(pattern, locale).format(args);
                    assertThat(rendered).as(file + " " + key + " → " + rendered).doesNotContainPattern("\\{\\d").doesNotContain("[Ljava");
                    for (int i = 0; i < count; i++) {
                        if (!numeric.contains(i) && pattern.contains("{" + i + "}")) {
                            assertThat(rendered).as(file + " " + key + " shows argument " + i).contains("«" + i + "»");
                        }
                    }
                }
            });
        }
    }

    @Test
    void englishCountsAreSingularForOneAndPluralOtherwise() throws IOException {
        Properties english = load("messages_en.properties");
        assertThat(new MessageFormat(english.getProperty("order.units"), Locale.ENGLISH).format(new Object[] {1})).isEqualTo("1 item");
        assertThat(new MessageFormat(english.getProperty("order.units"), Locale.ENGLISH).format(new Object[] {2})).isEqualTo("2 items");
        assertThat(new MessageFormat(english.getProperty("team.level.count"), Locale.ENGLISH).format(new Object[] {1})).isEqualTo("1 person");
        assertThat(new MessageFormat(english.getProperty("team.level.count"), Locale.ENGLISH).format(new Object[] {2})).isEqualTo("2 people");
        assertThat(new MessageFormat(english.getProperty("cart.summary"), Locale.ENGLISH).format(new Object[] {1, "6.00"})).isEqualTo("1 order, shipping ¥6.00");
        assertThat(new MessageFormat(english.getProperty("search.count"), Locale.ENGLISH).format(new Object[] {0})).isEqualTo("No products found");
    }

    /** A template's #{key(${array})} passes the array as ONE argument ("[Ljava.lang.Object;@…"); render such text in Java. */
    @Test
    void noTemplatePassesAnArrayAsOneMessageArgument() throws IOException {
        assertThat(matches(RESOURCES.resolve("templates"), ".html", ARRAY_ARGUMENT)).isEmpty();
    }

    private static Set<String> matches(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
