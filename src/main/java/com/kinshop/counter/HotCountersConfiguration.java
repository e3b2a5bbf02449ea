package com.kinshop.counter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process adapter unless another one (Redis) is configured. */
@Configuration(proxyBeanMethods = false)
class HotCountersConfiguration {

    @Bean
    @ConditionalOnMissingBean(HotCounters.class)
    HotCounters inProcessHotCounters() {
        return new InProcessHotCounters();
    }
}
