package com.kinshop.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The API speaks JSON through Jackson 3 only. Jackson 2 is on the class path for springdoc's own use, and Spring MVC
 * would register a second JSON converter (and a YAML one) for it: every JSON response then asked Jackson 2 whether it
 * could write the body too (building a serializer to answer), about 2% of a request's CPU under the order load.
 */
@Configuration(proxyBeanMethods = false)
class OneJsonConverter implements WebMvcConfigurer {

    @Override
    @SuppressWarnings("removal")
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter instanceof org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter);
    }
}
