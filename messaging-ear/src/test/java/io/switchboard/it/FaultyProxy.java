package io.switchboard.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 between clients and the server that, while faults are on, stalls the bytes of a
 * connection for a while and cuts connections (sometimes in the middle of a frame). Seeded, so a failing schedule can
 * be replayed.
 */
final class FaultyProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Random random;
    private final AtomicBoolean faults = new AtomicBoolean(true);
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final AtomicInteger cuts = new AtomicInteger();
    final AtomicInteger stalls = new AtomicInteger();

    FaultyProxy(int targetPort, long seed) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.random = new Random(seed);
        daemon("proxy-accept", this::accept);
        daemon("proxy-chaos", this::chaos);
    }

    URI ws() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/ws");
    }

    /** Stops making faults; connections made from now on are left alone. */
    void heal() {
        faults.set(false);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        daemon("proxy-pump", () -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (faults.get() && nextInt(100) < 3) {
                        stalls.incrementAndGet();
                        Thread.sleep(200 + nextInt(1500));
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException ended) {
                // either side went away; the other pump notices on its own
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    /** Every so often cuts one open connection, both directions at once. */
    private void chaos() {
        while (!listener.isClosed()) {
            try {
                Thread.sleep(300 + nextInt(900));
            } catch (InterruptedException e) {
                return;
            }
            open.removeIf(Socket::isClosed);
            if (faults.get() && !open.isEmpty()) {
                Socket victim = open.get(nextInt(open.size()));
                cuts.incrementAndGet();
                closeQuietly(victim);
            }
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        heal();
        closeQuietly(listener);
        open.forEach(FaultyProxy::closeQuietly);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
