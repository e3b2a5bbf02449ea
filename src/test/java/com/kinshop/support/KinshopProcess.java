package com.kinshop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/kinshop-*.jar}, built by {@code package} before failsafe runs) as a separate
 * process, for tests that kill it. Its output goes to a log file; a shutdown hook of the test JVM ends it if the test
 * JVM itself goes away.
 */
public final class KinshopProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final int httpPort;
    private final Thread reaper;

    private KinshopProcess(String name, Process process, Path log, int httpPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.reaper = new Thread(process::destroy, "kinshop-process-reaper-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts {@code java -jar target/kinshop-*.jar} with {@code arguments}; output to {@code logFile}. Does not wait. */
    public static KinshopProcess start(String name, Path logFile, int httpPort, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-jar", packagedJar().toString(), "--server.port=" + httpPort));
        command.addAll(arguments);
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "$ " + String.join(" ", command) + "\n");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            return new KinshopProcess(name, process, logFile, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Waits until the readiness probe answers 200 (demo data seeded, scheduled jobs running). */
    public KinshopProcess awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " while starting; log " + log + ":\n" + logTail(40));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(200);
        }
        throw new AssertionError(name + " not ready after " + timeout + "; log " + log + ":\n" + logTail(40));
    }

    /** Waits for the process to end by itself; its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + timeout + "; log " + log + ":\n" + logTail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        forget();
        return process.exitValue();
    }

    /** {@code kill -9}: no shutdown hooks run, so its PostgreSQL stays up. The exit code (137). */
    public int kill() {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** A normal stop (SIGTERM): Spring closes, then the embedded PostgreSQL stops. Forced after 30 s. */
    public void stop() {
        if (!process.isAlive()) {
            forget();
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forget();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private void forget() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    /** Deletes a directory and everything in it (a data or media directory of an earlier run); nothing if it is not there. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Spring Boot jar under target/ (not the {@code .original}). */
    public static Path packagedJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("kinshop-.*\\.jar")).max(Comparator.comparing(KinshopProcess::modified))
                    .orElseThrow(() -> new AssertionError("No target/kinshop-*.jar: run through `mvn verify` (failsafe runs after package)"));
        } catch (IOException e) {
            throw new AssertionError("No target/ directory: run through `mvn verify`", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops a PostgreSQL still running on {@code dataDir} (left by a killed process), the way the application does at
     * start: SIGINT (fast shutdown), then SIGQUIT (immediate) if it lingers. True if one was running.
     */
    public static boolean stopPostgresOf(Path dataDir) {
        Optional<ProcessHandle> postmaster = postmasterOf(dataDir);
        if (postmaster.isEmpty()) {
            return false;
        }
        for (String signal : List.of("-INT", "-QUIT")) {
            try {
                new ProcessBuilder("kill", signal, Long.toString(postmaster.get().pid())).inheritIO().start().waitFor();
                postmaster.get().onExit().get(signal.equals("-INT") ? 20 : 10, TimeUnit.SECONDS);
                return true;
            } catch (Exception stillThere) {
                // try the next signal
            }
        }
        throw new AssertionError("PostgreSQL (pid " + postmaster.get().pid() + ") on " + dataDir + " does not stop");
    }

    /** Crashes the PostgreSQL of {@code dataDir}: an immediate shutdown (SIGQUIT), no checkpoint; its next start recovers from the WAL. */
    public static void crashPostgresOf(Path dataDir) {
        ProcessHandle postmaster = postmasterOf(dataDir).orElseThrow(() -> new AssertionError("No PostgreSQL running on " + dataDir));
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
            postmaster.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("PostgreSQL (pid " + postmaster.pid() + ") did not go down", e);
        }
    }

    /** The live postmaster of {@code dataDir}, from its postmaster.pid. */
    public static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
