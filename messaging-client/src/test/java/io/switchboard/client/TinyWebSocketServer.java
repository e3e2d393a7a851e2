package io.switchboard.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Just enough of a WebSocket server, on the loopback interface, to exercise java.net.http's client: the upgrade
 * (or its refusal with an HTTP status), unfragmented text frames both ways, and close frames.
 */
final class TinyWebSocketServer implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tiny-websocket-server");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<Peer> peers = new LinkedBlockingQueue<>();
    final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    volatile int refuseWithStatus;

    TinyWebSocketServer() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    Peer nextPeer() throws InterruptedException {
        Peer peer = peers.poll(5, TimeUnit.SECONDS);
        if (peer == null) {
            throw new AssertionError("no client connected");
        }
        return peer;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> upgrade(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void upgrade(Socket socket) {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String head = readHead(in);
            requests.add(head);
            OutputStream out = socket.getOutputStream();
            if (refuseWithStatus != 0) {
                String refusal = "HTTP/1.1 " + refuseWithStatus + " Refused\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n";
                out.write(refusal.getBytes(StandardCharsets.US_ASCII));
                socket.close();
                return;
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(header(head, "Sec-WebSocket-Key")) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            peers.add(new Peer(socket, in, out));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readHead(DataInputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    static String header(String head, String name) {
        return head.lines()
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst()
                .orElse("");
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's end of one accepted connection. */
    record Peer(Socket socket, DataInputStream in, OutputStream out) {

        void sendText(String text) throws IOException {
            write(0x81, text.getBytes(StandardCharsets.UTF_8));
        }

        void close(int code) throws IOException {
            write(0x88, new byte[] {(byte) (code >> 8), (byte) code});
        }

        /** The next text frame's payload; null once the client sent a close frame. Skips control frames. */
        String readText() throws IOException {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0f;
                byte[] payload = readPayload();
                if (opcode == 0x1) {
                    return new String(payload, StandardCharsets.UTF_8);
                }
                if (opcode == 0x8) {
                    return null;
                }
            }
        }

        private byte[] readPayload() throws IOException {
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            if ((second & 0x80) != 0) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            return payload;
        }

        private synchronized void write(int first, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(first);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else {
                frame.write(126);
                frame.write(payload.length >> 8);
                frame.write(payload.length);
            }
            frame.write(payload);
            out.write(frame.toByteArray());
            out.flush();
        }
    }
}
