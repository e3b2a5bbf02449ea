package com.kinshop.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away Redis for tests: Debian's {@code redis-server} as a child process on 127.0.0.1, nothing persisted
 * ({@code --save "" --appendonly no}), so {@link #restart()} is a crash that loses every key. Ended by {@link #close()}
 * or, if the test JVM goes away first, by a shutdown hook. Talks RESP over a plain socket (PING, FLUSHALL) so it
 * needs no Redis client of its own.
 */
public final class RedisServer implements AutoCloseable {

    private static final String BINARY = "/usr/bin/redis-server";
    /** {@link #start()} picks a free port here (the range this project's own tests use). */
    private static final int FIRST_PORT = 6390;
    private static final int LAST_PORT = 6399;
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final int port;
    private final Path log;
    private final boolean cluster;
    private Process process;
    private Thread reaper;

    private RedisServer(int port, boolean cluster) {
        this.port = port;
        this.cluster = cluster;
        this.log = Path.of("target", "redis-" + port + ".log");
    }

    /** A Redis on the first free port of 6390–6399. */
    public static RedisServer start() {
        for (int port = FIRST_PORT; port <= LAST_PORT; port++) {
            if (isFree(port)) {
                try {
                    return start(port);
                } catch (PortTaken raced) {
                    // another process took it between the check and redis-server's bind: try the next one
                }
            }
        }
        throw new AssertionError("No free port for redis-server in " + FIRST_PORT + "–" + LAST_PORT);
    }

    /** A Redis on {@code port}; fails if the port is taken. */
    public static RedisServer start(int port) {
        RedisServer server = new RedisServer(port, false);
        server.launch();
        return server;
    }

    /**
     * A Redis Cluster of one node holding all 16384 slots, on the first free port of 6390–6399: it refuses what a real
     * cluster refuses (a command or script whose keys hash to different slots), so code meant for Redis Cluster can be
     * tested on one process.
     */
    public static RedisServer startClusterOfOne() {
        for (int port = FIRST_PORT; port <= LAST_PORT; port++) {
            if (isFree(port)) {
                try {
                    RedisServer server = new RedisServer(port, true);
                    server.launch();
                    return server;
                } catch (PortTaken raced) {
                    // try the next one
                }
            }
        }
        throw new AssertionError("No free port for redis-server in " + FIRST_PORT + "–" + LAST_PORT);
    }

    public int port() {
        return port;
    }

    /** Deletes every key of every database. */
    public void flushAll() {
        String answer = command("FLUSHALL");
        if (!answer.startsWith("+OK")) {
            throw new AssertionError("FLUSHALL on redis " + port + " answered " + answer);
        }
    }

    /** Kills the server (no persistence: every key is gone, as after a crash) and starts it again on the same port. */
    public void restart() {
        stopProcess(true);
        launch();
    }

    @Override
    public void close() {
        stopProcess(false);
    }

    private void launch() {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new AssertionError(BINARY + " is not installed: `apt-get install redis-server` (.ci/run does it when it is missing)");
        }
        List<String> command = new ArrayList<>(List.of(BINARY, "--port", Integer.toString(port), "--save", "", "--appendonly", "no",
                "--bind", "127.0.0.1", "--daemonize", "no", "--dir", System.getProperty("java.io.tmpdir")));
        if (cluster) {
            Path nodes = Path.of(System.getProperty("java.io.tmpdir"), "kinshop-redis-nodes-" + port + ".conf");
            try {
                Files.deleteIfExists(nodes); // a new cluster every start, like the keys
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            command.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", nodes.toString()));
        }
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + BINARY, e);
        }
        reaper = new Thread(process::destroyForcibly, "redis-server-reaper-" + port);
        Runtime.getRuntime().addShutdownHook(reaper);
        awaitPong();
        if (cluster) {
            takeAllSlots();
        }
    }

    private void takeAllSlots() {
        String answer = command("CLUSTER ADDSLOTSRANGE 0 16383");
        if (!answer.startsWith("+OK")) {
            throw new AssertionError("CLUSTER ADDSLOTSRANGE on redis " + port + " answered " + answer);
        }
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (bulk("CLUSTER INFO").contains("cluster_state:ok")) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("redis cluster on " + port + " not ok within " + STARTUP);
    }

    private void awaitPong() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                forgetReaper();
                String tail = tail();
                if (tail.contains("Address already in use")) {
                    throw new PortTaken(port);
                }
                throw new AssertionError("redis-server on port " + port + " exited with " + process.exitValue() + "; log " + log + ":\n" + tail);
            }
            try {
                if (command("PING").startsWith("+PONG")) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(20);
        }
        throw new AssertionError("redis-server on port " + port + " did not answer PING within " + STARTUP + "; log " + log + ":\n" + tail());
    }

    private void stopProcess(boolean crash) {
        if (process == null) {
            return;
        }
        if (crash) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forgetReaper();
        process = null;
    }

    private void forgetReaper() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    /** One inline command, its first reply line. */
    private String command(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One inline command whose reply is a bulk string, its text. */
    private String bulk(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder header = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                header.append((char) c);
            }
            if (header.charAt(0) != '$') {
                return header.toString();
            }
            byte[] body = in.readNBytes(Integer.parseInt(header.substring(1).strip()));
            return new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
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

    private static final class PortTaken extends RuntimeException {
        PortTaken(int port) {
            super("redis-server could not listen on port " + port + ": another process holds it");
        }
    }
}
