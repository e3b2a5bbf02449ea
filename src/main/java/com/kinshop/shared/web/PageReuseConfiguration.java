package com.kinshop.shared.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Anonymous storefront pages rendered once for many visitors while the database is unchanged ({@link RenderedPageReuse}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "kinshop.pages.reuse.enabled", matchIfMissing = true)
class PageReuseConfiguration {

    /** Just inside Spring Security's filters: the visitor is known to be anonymous and the form token is ready. */
    @Bean
    FilterRegistrationBean<RenderedPageReuse> renderedPageReuse(@Value("${kinshop.pages.reuse.paths}") List<String> paths,
                                                                @Value("${kinshop.pages.reuse.parameters:}") Set<String> parameters,
                                                                @Value("${kinshop.pages.reuse.cookies:}") Set<String> cookies,
                                                                @Value("${kinshop.pages.reuse.max-age}") Duration maxAge,
                                                                @Value("${kinshop.pages.reuse.max-memory}") DataSize maxMemory,
                                                                @Value("${server.servlet.session.cookie.name}") String sessionCookie,
                                                                JdbcClient jdbc, Clock clock, LocaleResolver languages, MeterRegistry meters) {
        List<PathPattern> patterns = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        var registration = new FilterRegistrationBean<>(new RenderedPageReuse(patterns, parameters, cookies, sessionCookie, maxAge,
                maxMemory.toBytes(), jdbc, clock, languages, meters));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
