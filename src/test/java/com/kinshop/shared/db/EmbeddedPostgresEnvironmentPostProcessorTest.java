package com.kinshop.shared.db;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresEnvironmentPostProcessorTest {

    private final EmbeddedPostgresEnvironmentPostProcessor processor = new EmbeddedPostgresEnvironmentPostProcessor(new DeferredLogs());

    @Test
    void anExternalDatasourceUrlMeansNoEmbeddedServer() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/kinshop");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains("kinshopEmbeddedPostgres")).isFalse();
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/kinshop");
    }

    @Test
    void withoutAUrlTheEmbeddedServerIsUsed() {
        MockEnvironment environment = new MockEnvironment().withProperty("kinshop.embedded-db.ephemeral", "true");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://localhost:").contains("/kinshop");
    }
}
