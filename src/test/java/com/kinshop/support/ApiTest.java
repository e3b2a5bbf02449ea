package com.kinshop.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of the HTTP tests: the running app's port, the database to check effects in, and the fixtures. */
public abstract class ApiTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    protected Fixtures fixtures;

    @BeforeEach
    void createFixtures() {
        fixtures = new Fixtures(port, jdbc);
    }
}
