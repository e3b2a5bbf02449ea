package com.kinshop.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

/**
 * The whole application on a random port over a real (embedded) PostgreSQL, with a clock the test controls.
 * Every test with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(KinshopIT.TestClockConfiguration.class)
public @interface KinshopIT {

    @TestConfiguration(proxyBeanMethods = false)
    class TestClockConfiguration {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(ZoneId.of("Asia/Shanghai"));
        }

        /** Acts only for buyers a test enrols: the checkout seam's tests use it where a play module will stand. */
        @Bean
        ProbeParticipant probeParticipant() {
            return new ProbeParticipant();
        }

        /** Passes refund calls through unless a fault test arms it to time some out. */
        @Bean
        static FlakyRefunds flakyRefunds() {
            return new FlakyRefunds();
        }
    }
}
