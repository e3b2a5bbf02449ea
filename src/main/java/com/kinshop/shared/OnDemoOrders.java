package com.kinshop.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link DemoDataSeeder} that makes demo orders or acts on them (money at the payment provider): left out with
 * them when {@code kinshop.demo.orders=false}, where tests check the books whole or make orders of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "kinshop.demo.orders", havingValue = "true", matchIfMissing = true)
public @interface OnDemoOrders {
}
