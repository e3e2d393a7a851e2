package io.switchboard.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written byte by byte, for what a well-behaved client library never sends: split frames,
 * unmasked frames, broken UTF-8, a request cut short.
 */
final class RawSocket implements AutoCloseable {

    /** A frame as the server sent it. */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? 1005 : (payload[0] & 0xff) << 8 | payload[1] & 0xff;
        }
    }

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawSocket(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** The request head with a valid key and version, plus the given header lines. */
    static String upgrade(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + TestServer.WS_PORT
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="
                + "\r\nSec-WebSocket-Version: 13\r\n" + String.join("", headers) + "\r\n";
    }

    /** Connects as the token's user and returns the response head (101 expected). */
    String open(String token, String device) throws IOException {
        write(upgrade("/ws?device=" + device, "Authorization: Bearer " + token + "\r\n"));
        return head();
    }

    void write(String ascii) throws IOException {
        write(ascii.getBytes(StandardCharsets.UTF_8));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The response head, up to the empty line. */
    String head() throws IOException {
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The rest of the stream until the server closes it. */
    String rest() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    Frame frame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** The next text frame whose JSON type is {@code type}, passing over others. */
    Frame next(String type) throws IOException {
        while (true) {
            Frame frame = frame();
            if (frame.opcode() == 8 || frame.text().contains("\"type\":\"" + type + "\"")) {
                return frame;
            }
        }
    }

    /** Whether the server closed the connection (end of stream) within the socket's timeout. */
    boolean closedByServer() throws IOException {
        try {
            while (in.read() >= 0) {
                // drain what the server still sent
            }
            return true;
        } catch (SocketTimeoutException | EOFException e) {
            return false;
        }
    }

    /** A client frame: FIN, the opcode, masked unless {@code masked} is false. */
    static byte[] frame(int opcode, byte[] payload, boolean masked) {
        var frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else {
            frame.write(maskBit | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] key = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(key);
            frame.writeBytes(key);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ key[i & 3]);
        }
        return frame.toByteArray();
    }

    static byte[] text(String text) {
        return frame(1, text.getBytes(StandardCharsets.UTF_8), true);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
