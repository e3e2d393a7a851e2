package io.switchboard.delivery.boundary.ws;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket, so that a test decides every byte: it writes masked frames the way RFC 6455
 * has clients write them and reads the server's frames, refusing any that come masked. Written for these tests alone,
 * independent of the server's codec, so that the codec cannot agree with itself.
 */
final class RawClient implements AutoCloseable {

    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;
    /** RFC 6455's own example: the key of section 1.3 and the accept value it must be answered with. */
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    /** CR LF CR LF as the last four bytes read. */
    private static final int BLANK_LINE = 0x0D0A0D0A;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** A frame as the server sent it. */
    record Frame(int opcode, byte[] payload) {

        String text() {
            return new String(payload, UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    /** An HTTP response head; header names in lower case. */
    record Response(int status, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    static RawClient connect(int port) throws IOException {
        return connect(port, 0);
    }

    /** @param receiveBuffer the socket's receive buffer in bytes, or 0 for the system's */
    static RawClient connect(int port, int receiveBuffer) throws IOException {
        var socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return new RawClient(socket);
    }

    static String upgradeRequest(String target, String token) {
        return "GET " + target + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "\r\n";
    }

    /** Sends the upgrade request and reads the response head. */
    Response upgrade(String target, String token) throws IOException {
        write(upgradeRequest(target, token).getBytes(US_ASCII));
        return readResponseHead();
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Each byte in a segment of its own, with a pause now and then so the server reads the pieces apart. */
    void writeByteByByte(byte[] bytes) throws IOException {
        for (int i = 0; i < bytes.length; i++) {
            out.write(bytes[i]);
            out.flush();
            if (i % 4 == 3) {
                pause(2);
            }
        }
    }

    Response readResponseHead() throws IOException {
        var head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != BLANK_LINE) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the stream ended inside the response head: " + head.toString(US_ASCII));
            }
            head.write(b);
            lastFour = lastFour << 8 | b;
        }
        String[] lines = head.toString(US_ASCII).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        return new Response(status, headers);
    }

    byte[] readBytes(int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        if ((second & 0x80) != 0) {
            throw new IOException("a server frame must not be masked");
        }
        if ((first & 0x80) == 0) {
            throw new IOException("the server sent a fragment; this client expects whole frames");
        }
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        return new Frame(first & 0x0F, readBytes((int) length));
    }

    /** True when the server has closed its side and nothing more is to be read; waits up to the read timeout. */
    boolean atEnd() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] text(String text) {
        return frame(TEXT, text.getBytes(UTF_8));
    }

    static byte[] close(int code) {
        return frame(CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
    }

    static byte[] frame(int opcode, byte[] payload) {
        var frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length <= 125) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        } else {
            throw new IllegalArgumentException("these tests send no frame over 64 KB");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
