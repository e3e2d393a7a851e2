package io.switchboard.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Liberty server the build started for this run, and how to restart it. */
final class TestServer {

    static final int PORT = Integer.getInteger("it.http.port", 9180);
    static final URI HTTP = URI.create("http://127.0.0.1:" + PORT);
    /** The chat socket's port: Liberty's own ({@link #PORT}), or that of Switchboard's own transport. */
    static final int WS_PORT = Integer.getInteger("it.ws.port", PORT);
    static final URI WS = URI.create("ws://127.0.0.1:" + WS_PORT + "/ws");
    static final Path DATA_DIR = Path.of(System.getProperty("it.data.dir", "target/it-data-derby"));
    static final String DATABASE = System.getProperty("it.database", "derby");
    private static final Path LIBERTY = Path.of(System.getProperty("it.liberty.dir", "target/liberty/wlp"));
    private static final String SERVER = System.getProperty("it.server.name", "switchboard-it-derby");
    static final HttpClient HTTP_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer() {
    }

    static URI http(String path) {
        return HTTP.resolve(path);
    }

    /** Stops the server as an operator would, starts it again, and waits until it is ready for traffic. */
    static void restart() throws IOException, InterruptedException {
        run("stop");
        run("start");
        awaitReady(Duration.ofSeconds(120));
    }

    /** kill -9: the process gets no chance to close anything. */
    static void kill() throws IOException, InterruptedException {
        Process status = new ProcessBuilder(List.of(LIBERTY.resolve("bin/server").toString(), "status", SERVER))
                .redirectErrorStream(true).start();
        String output = new String(status.getInputStream().readAllBytes());
        status.waitFor(60, TimeUnit.SECONDS);
        var matcher = java.util.regex.Pattern.compile("process ID (\\d+)").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no server process: " + output);
        }
        ProcessHandle server = ProcessHandle.of(Long.parseLong(matcher.group(1))).orElseThrow();
        server.destroyForcibly();
        server.onExit().join();
    }

    static void start() throws IOException, InterruptedException {
        run("start");
        awaitReady(Duration.ofSeconds(120));
    }

    static void awaitReady(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try {
                var response = HTTP_CLIENT.send(HttpRequest.newBuilder(http("/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server not ready within " + limit);
    }

    private static void run(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(LIBERTY.resolve("bin/server").toString(), action, SERVER))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("server " + action + " failed");
        }
    }
}
