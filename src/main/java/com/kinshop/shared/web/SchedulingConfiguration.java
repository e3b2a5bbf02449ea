package com.kinshop.shared.web;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Periodic work. Every node schedules every job; a job that must run once per cluster is annotated
 * {@code @SchedulerLock} and first takes its row in the {@code shedlock} table (PostgreSQL's clock decides, not the
 * nodes'), so the others skip that run: the nightly jobs. The sweeps take no such lock — each due row is claimed
 * with SKIP LOCKED and moved by a guarded update, so it is handled once whichever node sweeps, and a node killed in the
 * middle of a sweep does not stop the others' sweeps until its lock runs out (the crash tests caught that).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withLockedByValue(nodeName())
                .usingDbTime()
                .build());
    }

    /** Host and process id: several nodes may share a host, and the operator wants to see which one holds a lock. */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
