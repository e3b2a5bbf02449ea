package com.kinshop.shared.db;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL aborts a transaction that lost a deadlock (SQLState 40P01) or could not be serialized (40001); nothing it
 * did is kept, and the same work a moment later succeeds. So every outermost {@code @Transactional} method is run
 * again, whole (a fresh transaction each time), a few times with a short growing, jittered pause — the user never sees
 * the conflict and nothing is lost. Only the outermost boundary retries: an inner call shares the aborted transaction,
 * so it could not succeed on its own. If the retries run out, the web layer answers 503 with Retry-After.
 */
@Configuration(proxyBeanMethods = false)
class ConflictRetries {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetries.class);
    static final Set<String> RETRIED_SQL_STATES = Set.of("40001", "40P01");

    /** Ordered just outside the transaction advisor (lowest precedence), so each attempt is a transaction of its own. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor conflictRetryAdvisor(Environment environment, TransactionAttributeSource transactional) {
        // the transaction advisor's own source: exactly the methods that start a transaction (package-private ones too)
        StaticMethodMatcherPointcut transactionBoundaries = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return transactional.getTransactionAttribute(method, targetClass) != null;
            }
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactionBoundaries,
                new Interceptor(environment.getProperty("kinshop.db.conflict-retries", Integer.class, 5)));
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return advisor;
    }

    /** True when {@code failure} or one of its causes is PostgreSQL saying "deadlock" or "could not serialize". */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && RETRIED_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static final class Interceptor implements MethodInterceptor {

        /** Conflicts retried since start (all nodes' logs say which methods). */
        static final AtomicLong RETRIED = new AtomicLong();

        private final RetryTemplate retries;

        Interceptor(int maxRetries) {
            this.retries = new RetryTemplate(RetryPolicy.builder().predicate(ConflictRetries::isConflict).maxRetries(maxRetries)
                    .delay(Duration.ofMillis(20)).multiplier(2).jitter(Duration.ofMillis(15)).maxDelay(Duration.ofMillis(400)).build());
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return invocation.proceed(); // inside a caller's transaction: the caller's boundary retries
            }
            int[] attempts = {0};
            try {
                return retries.execute(() -> {
                    if (attempts[0]++ > 0) {
                        RETRIED.incrementAndGet();
                        log.info("Retrying {}.{} after a deadlock or serialization failure (attempt {})",
                                invocation.getMethod().getDeclaringClass().getSimpleName(), invocation.getMethod().getName(), attempts[0]);
                    }
                    // a fresh copy of the call each time: the original has already walked the advice chain once
                    return invocation instanceof ProxyMethodInvocation proxied ? proxied.invocableClone().proceed() : invocation.proceed();
                });
            } catch (RetryException e) {
                throw e.getLastException(); // the method's own exception, as if it had not been retried
            }
        }
    }
}
