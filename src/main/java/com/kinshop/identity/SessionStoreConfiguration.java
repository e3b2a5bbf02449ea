package com.kinshop.identity;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.config.ConfigureRedisAction;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import java.time.Duration;

/**
 * Sessions live in PostgreSQL (the default) or in Redis ({@code kinshop.session.store=redis}), shared by every app
 * node either way. Tunings that hold for both stores:
 * <ul>
 * <li>A request that changes nothing in its session writes nothing: the last-access time is stored at most once per
 * {@code kinshop.session.touch-interval} ({@link TouchThrottledSessionRepository}).</li>
 * <li>A request reads its session from the store once ({@link SessionReadsPerRequest}).</li>
 * </ul>
 * JDBC only: two overlapping requests of one session that both add the same new attribute (a flash message on a
 * double-submitted form) would both INSERT it, and the second would fail on the primary key with a 500; an upsert
 * makes the later write win, as it would in memory (Redis's HSET already does).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    static final String STORE = "kinshop.session.store";

    /** A misspelt store would otherwise fall back to JDBC without a word. */
    SessionStoreConfiguration(Environment environment) {
        String store = environment.getProperty(STORE, "jdbc");
        if (!store.equals("jdbc") && !store.equals("redis")) {
            throw new IllegalStateException(STORE + " must be jdbc or redis, not '" + store + "'");
        }
    }

    /** Just outside Spring Session's filter, so that its closing save still finds what the request read. */
    @Bean
    FilterRegistrationBean<SessionReadsPerRequest> sessionReadsPerRequest() {
        FilterRegistrationBean<SessionReadsPerRequest> registration = new FilterRegistrationBean<>(new SessionReadsPerRequest());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    static Duration touchInterval(Environment environment) {
        return environment.getProperty("kinshop.session.touch-interval", Duration.class, Duration.ofMinutes(1));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = STORE, havingValue = "jdbc", matchIfMissing = true)
    static class Jdbc {

        @Bean
        SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes() {
            return repository -> repository.setCreateSessionAttributeQuery("""
                    INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
                    VALUES (?, ?, ?)
                    ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES""");
        }

        /** Wraps the JDBC store once it is set up (see {@link TouchThrottledSessionRepository}); Spring Session's filter uses the wrapper. */
        @Bean
        static BeanPostProcessor touchSessionsAtMostEveryInterval(Environment environment) {
            return new BeanPostProcessor() {
                @Override
                @SuppressWarnings("unchecked")
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof JdbcIndexedSessionRepository store) {
                        return new TouchThrottledSessionRepository((FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) store,
                                touchInterval(environment), true);
                    }
                    return bean;
                }
            };
        }
    }

    /**
     * Spring Session Data Redis, the indexed repository: besides each session's hash it keeps a set of session ids per
     * principal, which is how {@link SessionRevocation} finds an account's sessions, and listens to Redis's expiry
     * events to keep those sets clean (it turns keyspace notifications on at start-up: CONFIG SET).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    @EnableRedisIndexedHttpSession(redisNamespace = "kinshop:session")
    static class Redis {

        /** Sessions in Redis use the connection (and the health check) that kinshop.redis.enabled turns on. */
        Redis(Environment environment) {
            if (!environment.getProperty("kinshop.redis.enabled", Boolean.class, false)) {
                throw new IllegalStateException(STORE + "=redis needs kinshop.redis.enabled=true (and spring.data.redis.host/port)");
            }
        }

        /**
         * A managed Redis that refuses CONFIG (some clouds do) must have {@code notify-keyspace-events Egx} set by its
         * operator; {@code kinshop.session.redis.configure-keyspace-notifications=false} then stops the start-up CONFIG SET.
         */
        @Bean
        @ConditionalOnBooleanProperty(name = "kinshop.session.redis.configure-keyspace-notifications", havingValue = false)
        ConfigureRedisAction keyspaceNotificationsSetByTheOperator() {
            return ConfigureRedisAction.NO_OP;
        }

        /** Boot configures the JDBC store's timeout; for Redis it is ours to apply (same property, same default). */
        @Bean
        SessionRepositoryCustomizer<RedisIndexedSessionRepository> sessionTimeout(Environment environment) {
            Duration timeout = environment.getProperty("spring.session.timeout", Duration.class,
                    environment.getProperty("server.servlet.session.timeout", Duration.class, Duration.ofMinutes(30)));
            return repository -> repository.setDefaultMaxInactiveInterval(timeout);
        }

        /**
         * The store Spring Session's filter and {@link SessionRevocation} use. A second bean beside the Redis
         * repository, not a replacement: Spring Session's expiry listener is wired to the repository's own type.
         */
        @Bean
        @Primary
        @SuppressWarnings("unchecked")
        TouchThrottledSessionRepository touchThrottledRedisSessions(RedisIndexedSessionRepository store, Environment environment) {
            return new TouchThrottledSessionRepository((FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) store,
                    touchInterval(environment), false);
        }
    }
}
