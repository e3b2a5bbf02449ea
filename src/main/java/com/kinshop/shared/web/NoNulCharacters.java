package com.kinshop.shared.web;

import com.kinshop.shared.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.util.Arrays;
import java.util.Map;

/**
 * PostgreSQL cannot store the NUL character (U+0000) in text: a value carrying one used to reach the database and come
 * back as a 500 (a search, a nickname, an address). It is refused where it comes in instead — a JSON string names its
 * field, a query or form parameter its name — as a 400 in the caller's language; nothing is read or written.
 */
@Configuration(proxyBeanMethods = false)
class NoNulCharacters {

    static final String MESSAGE = "request.field.nul";

    static boolean carriesNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** Every JSON string, wherever it sits in a body; the path to it becomes the field (see {@code ApiExceptionHandler}). */
    @Bean
    JacksonModule stringsWithoutNul() {
        SimpleModule module = new SimpleModule("strings-without-nul");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser json, DeserializationContext context) {
                String text = super.deserialize(json, context);
                if (carriesNul(text)) {
                    throw context.weirdStringException(text, String.class, "contains the NUL character");
                }
                return text;
            }
        });
        return module;
    }

    /** Query and form parameters, before any handler runs. */
    static final class ParameterCheck implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (carriesNul(parameter.getKey()) || Arrays.stream(parameter.getValue()).anyMatch(NoNulCharacters::carriesNul)) {
                    throw BusinessException.invalid(parameter.getKey().replace("\0", ""), MESSAGE);
                }
            }
            return true;
        }
    }
}
