package io.switchboard.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a minimal WebSocket server on a loopback socket: upgrade, frames both ways, close. */
class WsConnectionTest {

    private final EventLoop loop = new EventLoop("test-loop");
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private ServerSocket server;

    @AfterEach
    void tearDown() throws IOException {
        loop.close();
        if (server != null) {
            server.close();
        }
    }

    private WsListener recorder(boolean echoBack) {
        return new WsListener() {
            private TextChannel channel;

            @Override
            public void onOpen(TextChannel c) {
                channel = c;
                events.add("open");
            }

            @Override
            public void onText(String text) {
                events.add("text " + text);
                if (echoBack) {
                    channel.sendText("echo:" + text);
                }
            }

            @Override
            public void onClosed(int code, String reason) {
                events.add("closed " + code + " " + reason);
            }
        };
    }

    private InetSocketAddress serve(ServerScript script) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                script.run(s.getInputStream(), s.getOutputStream());
            } catch (IOException e) {
                events.add("server error " + e.getMessage());
            }
        });
        t.setDaemon(true);
        t.start();
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private void connect(InetSocketAddress address, WsListener listener) {
        loop.execute(() -> new WsConnection(loop, address, "/ws?device=d-1", Map.of("Authorization", "Bearer t"),
                listener, 1).start(TimeUnit.SECONDS.toNanos(5)));
    }

    private String next() throws InterruptedException {
        String e = events.poll(5, TimeUnit.SECONDS);
        return e == null ? "nothing within 5 s" : e;
    }

    @Test
    void upgradesExchangesFramesAndHearsTheServersClose() throws Exception {
        InetSocketAddress address = serve((in, out) -> {
            String head = readHead(in);
            events.add(head.contains("Authorization: Bearer t") ? "server saw token" : "server missed token");
            // 101 and the first frame in one write: the client must not lose bytes that follow the head.
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            first.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + WsHandshake.acceptFor(key(head)) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            first.write(frame(FrameEncoder.frame(FrameEncoder.TEXT, "hello".getBytes(StandardCharsets.UTF_8), 0,
                    false)));
            out.write(first.toByteArray());
            out.flush();
            events.add("server got " + readClientText(in));
            out.write(frame(FrameEncoder.frame(FrameEncoder.CLOSE, new byte[] {0x0f, (byte) 0xa0}, 0, false)));
            out.flush();
            in.read();
        });
        connect(address, recorder(true));
        assertThat(next()).isEqualTo("server saw token");
        assertThat(next()).isEqualTo("open");
        assertThat(next()).isEqualTo("text hello");
        assertThat(next()).isEqualTo("server got echo:hello");
        assertThat(next()).isEqualTo("closed 4000 closed by the server");
    }

    @Test
    void aRefusedUpgradeReportsTheHttpStatus() throws Exception {
        InetSocketAddress address = serve((in, out) -> {
            readHead(in);
            out.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.read();
        });
        connect(address, recorder(false));
        assertThat(next()).isEqualTo("closed 401 HTTP 401");
    }

    @Test
    void aClosedPortIsAConnectFailure() throws Exception {
        ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), probe.getLocalPort());
        probe.close();
        connect(address, recorder(false));
        assertThat(next()).startsWith("closed 1006");
    }

    private interface ServerScript {
        void run(InputStream in, OutputStream out) throws IOException;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("client went away");
            }
            b.append((char) c);
        }
        return b.toString();
    }

    private static String key(String head) {
        Matcher m = Pattern.compile("Sec-WebSocket-Key: (\\S+)").matcher(head);
        return m.find() ? m.group(1) : "";
    }

    private static byte[] frame(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Reads one masked client text frame (short form length) and unmasks it. */
    private static String readClientText(InputStream in) throws IOException {
        int b0 = in.read();
        int len = in.read() & 0x7f;
        byte[] mask = in.readNBytes(4);
        byte[] payload = in.readNBytes(len);
        for (int k = 0; k < len; k++) {
            payload[k] ^= mask[k & 3];
        }
        return (b0 == 0x81 ? "" : "opcode " + b0 + " ") + new String(payload, StandardCharsets.UTF_8);
    }
}
