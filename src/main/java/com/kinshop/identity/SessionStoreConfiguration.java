package com.kinshop.identity;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import java.time.Duration;

/**
 * Sessions live in PostgreSQL (shared by every app node). Two tunings of Spring Session JDBC:
 * <ul>
 * <li>Two overlapping requests of one session that both add the same new attribute (a flash message on a
 * double-submitted form) would both INSERT it, and the second would fail on the primary key with a 500; an upsert
 * makes the later write win, as it would in memory.</li>
 * <li>A request that changes nothing in its session writes nothing: the last-access time is stored at most once per
 * {@code kinshop.session.touch-interval} ({@link TouchThrottledSessionRepository}).</li>
 * <li>A request reads its session from the store once ({@link SessionReadsPerRequest}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes() {
        return repository -> repository.setCreateSessionAttributeQuery("""
                INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
                VALUES (?, ?, ?)
                ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES""");
    }

    /** Just outside Spring Session's filter, so that its closing save still finds what the request read. */
    @Bean
    FilterRegistrationBean<SessionReadsPerRequest> sessionReadsPerRequest() {
        FilterRegistrationBean<SessionReadsPerRequest> registration = new FilterRegistrationBean<>(new SessionReadsPerRequest());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /** Wraps the JDBC store once it is set up (see {@link TouchThrottledSessionRepository}); Spring Session's filter uses the wrapper. */
    @Bean
    static BeanPostProcessor touchSessionsAtMostEveryInterval(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcIndexedSessionRepository store) {
                    Duration touchInterval = environment.getProperty("kinshop.session.touch-interval", Duration.class, Duration.ofMinutes(1));
                    return new TouchThrottledSessionRepository((FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) store, touchInterval);
                }
                return bean;
            }
        };
    }
}
