package com.kinshop.payment;

import com.kinshop.shared.BusinessException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The providers this node has, by name; new payments go to the configured one. */
@Component
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentProviders {

    private final Map<String, PaymentProvider> byName;
    private final PaymentProperties properties;

    PaymentProviders(List<PaymentProvider> providers, PaymentProperties properties) {
        this.byName = providers.stream().collect(Collectors.toUnmodifiableMap(PaymentProvider::name, Function.identity()));
        this.properties = properties;
    }

    PaymentProvider current() {
        return of(properties.provider());
    }

    PaymentProvider of(String name) {
        PaymentProvider provider = byName.get(name);
        if (provider == null) {
            throw new BusinessException(HttpStatus.SERVICE_UNAVAILABLE, "payment.unavailable", null);
        }
        return provider;
    }

    /** The provider a callback names; an unknown name is a wrong address (404), not an outage worth retrying. */
    PaymentProvider notifying(String name) {
        PaymentProvider provider = byName.get(name);
        if (provider == null) {
            throw BusinessException.notFound("payment.notification.provider", name);
        }
        return provider;
    }

    List<PaymentProvider> all() {
        return List.copyOf(byName.values());
    }

    PaymentProperties properties() {
        return properties;
    }
}
