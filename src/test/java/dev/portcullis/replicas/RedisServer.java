package dev.portcullis.replicas;

import dev.portcullis.MachineTools;
import dev.portcullis.config.LoopbackPorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Redis server of a test's own ({@code redis-server}, Debian's package): on the loopback interface, on a port
 * outside the range client sockets take theirs from, keeping nothing on disk. It can be stopped and started again
 * on the same port, as an outage.
 */
final class RedisServer implements AutoCloseable {

    private static final Path PROGRAM = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Path log;
    private Process process;

    private RedisServer(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    static RedisServer start() throws IOException, InterruptedException {
        MachineTools.require(Files.isExecutable(PROGRAM), "redis-server is not installed (Debian's redis-server)");
        RedisServer server = new RedisServer(LoopbackPorts.unused(), Path.of("target", "redis-server.log"));
        server.startAgain();
        return server;
    }

    /** The address the service's {@code quarkus.redis.hosts} names. */
    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    void startAgain() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(PROGRAM.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(log).contains("Ready to accept connections")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start on port " + port + "; see " + log);
            }
            Thread.sleep(20);
        }
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            stop();
        }
    }
}
