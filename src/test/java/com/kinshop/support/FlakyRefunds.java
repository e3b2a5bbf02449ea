package com.kinshop.support;

import com.kinshop.payment.PaymentProvider;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A refund call that times out, for fault tests and nothing else: once a test arms it, the next refund calls reach the
 * sandbox provider (which takes the refund) but the answer never comes back — the caller sees a timeout, as when the
 * network drops the provider's reply. Disarmed (the default) it passes every call through unchanged. Every refund call
 * is recorded by its refund number, so a test can show the retry used the same number.
 */
public class FlakyRefunds implements BeanPostProcessor {

    private final Map<String, AtomicInteger> timeoutsLeft = new ConcurrentHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final Map<String, AtomicInteger> timedOut = new ConcurrentHashMap<>();

    /** The next {@code count} calls for this refund number time out after the provider took them (other refunds pass). */
    public void timeOut(String refundNumber, int count) {
        timeoutsLeft.put(refundNumber, new AtomicInteger(count));
    }

    /** How many calls were made for this refund number. */
    public long callsFor(String refundNumber) {
        return calls.stream().filter(refundNumber::equals).count();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof PaymentProvider provider) || !"sandbox".equals(provider.name())) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true); // the sandbox's own beans take it by its class
        proxy.addAdvice((MethodInterceptor) invocation -> {
            if (!invocation.getMethod().getName().equals("refund")) {
                return invocation.proceed();
            }
            String refundNumber = (String) invocation.getArguments()[0];
            calls.add(refundNumber);
            Object answer = invocation.proceed();
            AtomicInteger left = timeoutsLeft.get(refundNumber);
            if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                timedOut.computeIfAbsent(refundNumber, number -> new AtomicInteger()).incrementAndGet();
                throw new IllegalStateException("Read timed out waiting for the provider's answer to refund " + refundNumber);
            }
            return answer;
        });
        return proxy.getProxy(bean.getClass().getClassLoader());
    }
}
