package com.kinshop.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fault injection for crash-recovery tests, and nothing else: when {@value #PROPERTY} names a point (so far only
 * {@value #PAYMENT_NOTIFICATION}), the transaction of that point halts the JVM just before it commits —
 * {@code Runtime.halt(137)}, as a {@code kill -9} would: no shutdown hooks, no commit, the database left running.
 * Off unless the property is set; an unknown point refuses to start, and an armed one is announced loudly at start.
 */
@Component
public class HaltBeforeCommit {

    public static final String PROPERTY = "kinshop.chaos.halt-before-commit";
    /** The transaction that records a provider's notification (after verification and deduplication). */
    public static final String PAYMENT_NOTIFICATION = "payment-notification";
    /** The transaction that refunds one member of a failed group (after the whole-order refund is asked for). */
    public static final String GROUP_REFUND = "group-refund";
    private static final Set<String> POINTS = Set.of(PAYMENT_NOTIFICATION, GROUP_REFUND);
    private static final Logger log = LoggerFactory.getLogger(HaltBeforeCommit.class);

    private final Set<String> armed;

    HaltBeforeCommit(Environment environment) {
        armed = Arrays.stream(environment.getProperty(PROPERTY, "").split(",")).map(String::strip).filter(point -> !point.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (!POINTS.containsAll(armed)) {
            throw new IllegalStateException(PROPERTY + " names an unknown point: " + armed + "; known: " + POINTS);
        }
        if (!armed.isEmpty()) {
            log.warn("""

                    !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                      FAULT INJECTION ON ({}={}): this process kills itself (exit 137)
                      just before committing {}. For crash-recovery tests only.
                    !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!""", PROPERTY, String.join(",", armed), armed);
        }
    }

    /** Called inside the transaction of {@code point}: if armed, that transaction ends the process instead of committing. */
    public void arm(String point) {
        if (!armed.contains(point) || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE; // after every other beforeCommit: the work is all done, only the commit is missing
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                log.error("FAULT INJECTION: halting before the commit of {} ({})", point, PROPERTY);
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(137);
            }
        });
    }
}
