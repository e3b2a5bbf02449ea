package com.kinshop.shared.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** "A restart keeps data": the embedded server stops and starts again on the same data directory. */
class EmbeddedPostgresRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesAStopAndStart() throws Exception {
        String url = EmbeddedPostgresServer.start(dataDir, 0);
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute("create table kept (note text)");
            connection.createStatement().execute("insert into kept values ('亲享')");
        }
        EmbeddedPostgresServer.stop(dataDir);

        String again = EmbeddedPostgresServer.start(dataDir, 0);
        try (Connection connection = DriverManager.getConnection(again);
             ResultSet rows = connection.createStatement().executeQuery("select note from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("亲享");
        } finally {
            EmbeddedPostgresServer.stop(dataDir);
        }
    }
}
