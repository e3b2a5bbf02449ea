package com.kinshop.shared.db;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Points the datasource at an embedded PostgreSQL unless {@code spring.datasource.url} is set.
 * Doing it here, before any bean exists, lets Boot's own datasource, Flyway and session support work unchanged.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public EmbeddedPostgresEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(getClass());
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String external = environment.getProperty("spring.datasource.url");
        if (external != null && !external.isBlank()) {
            log.info("Database: external PostgreSQL at " + external);
            return;
        }
        if (!environment.getProperty("kinshop.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        boolean ephemeral = environment.getProperty("kinshop.embedded-db.ephemeral", Boolean.class, false);
        Path dataDir = ephemeral ? null : Path.of(environment.getProperty("kinshop.embedded-db.data-dir", "data/pg")).toAbsolutePath();
        int port = environment.getProperty("kinshop.embedded-db.port", Integer.class, 0);
        String url = EmbeddedPostgresServer.start(dataDir, port);
        log.info("Database: embedded PostgreSQL at " + url + (ephemeral ? " (throw-away data)" : " (data in " + dataDir + ")"));
        environment.getPropertySources().addFirst(new MapPropertySource("kinshopEmbeddedPostgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "kinshop.database-mode", ephemeral ? "embedded (throw-away)" : "embedded, data in " + dataDir)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
