package com.kinshop.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says in one place what started where, so nobody has to read the whole log to find the URL. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("""

                ==========================================================
                  Kinshop is up:   http://localhost:{}
                  API docs:        http://localhost:{}/swagger-ui.html
                  Health:          http://localhost:{}/actuator/health
                  Database:        {}
                  SMS:             {}
                ==========================================================""",
                port, port, port,
                env.getProperty("kinshop.database-mode", "external PostgreSQL at " + env.getProperty("spring.datasource.url")),
                env.getProperty("kinshop.sms.sandbox", Boolean.class, false)
                        ? "sandbox — codes in this log and at http://localhost:" + port + "/dev/sms" : "provider");
    }
}
