package com.kinshop.shared.web;

import com.kinshop.shared.DisplayTimes;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Times in JSON: one format for every instant the API writes, ISO-8601 with the display zone's offset
 * ("2026-12-06T19:30:00+08:00"), the same moment a page shows. Reading accepts any ISO-8601 offset ("Z" too).
 */
@Configuration(proxyBeanMethods = false)
class JsonTimes {

    static final String DESCRIPTION = "ISO-8601 with the offset of the display zone (kinshop.time-zone, Asia/Shanghai by default), "
            + "e.g. 2026-12-06T19:30:00+08:00";

    @Bean
    JacksonModule displayZoneTimes(DisplayTimes times) {
        SimpleModule module = new SimpleModule("display-zone-times");
        module.addSerializer(Instant.class, new ValueSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator json, SerializationContext context) {
                json.writeString(times.iso(value));
            }
        });
        module.addSerializer(OffsetDateTime.class, new ValueSerializer<>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator json, SerializationContext context) {
                json.writeString(times.iso(value.toInstant()));
            }
        });
        module.addDeserializer(Instant.class, new ValueDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser json, DeserializationContext context) {
                try {
                    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(json.getString(), Instant::from);
                } catch (java.time.format.DateTimeParseException notATime) {
                    // a Jackson error, so the refusal names the field ("startsAt": "tomorrow")
                    throw context.weirdStringException(json.getString(), Instant.class, "ISO-8601 with an offset expected");
                }
            }
        });
        return module;
    }

    /** Says so in the OpenAPI document, on every date-time field. */
    @Bean
    OpenApiCustomizer displayZoneTimesInApiDocs() {
        return api -> {
            if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
                return;
            }
            api.getComponents().getSchemas().values().forEach(JsonTimes::describeTimes);
        };
    }

    @SuppressWarnings("rawtypes")
    private static void describeTimes(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.values().stream().filter(property -> "date-time".equals(property.getFormat())).forEach(property -> {
            property.setDescription(DESCRIPTION);
            property.setExample("2026-12-06T19:30:00+08:00");
        });
    }
}
