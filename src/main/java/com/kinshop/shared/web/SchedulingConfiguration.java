package com.kinshop.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** In-process periodic work (flushing buffered writes). Timers that must fire once across nodes use the database. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
