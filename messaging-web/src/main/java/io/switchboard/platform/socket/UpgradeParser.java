package io.switchboard.platform.socket;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the HTTP/1.1 head of an upgrade request out of a connection's read buffer, without blocking. */
public final class UpgradeParser {

    public static final int MAX_HEAD_BYTES = 8192;

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern REQUEST_LINE = Pattern.compile("(" + TOKEN + ") ([\\x21-\\x7E]+) HTTP/1\\.\\d");
    private static final Pattern HEADER_NAME = Pattern.compile(TOKEN);
    /** Compiled once: String.split compiles a separator of two characters anew on every call. */
    private static final Pattern LINE_END = Pattern.compile("\r\n");

    private UpgradeParser() {
    }

    /**
     * @return the request, with the buffer's position just past its head (later bytes stay for the caller), or
     *         null with the buffer untouched while the head has not all arrived
     * @throws BadRequest 431 once the head is known to exceed {@link #MAX_HEAD_BYTES}, 400 when it is malformed
     */
    public static UpgradeRequest parse(ByteBuffer in) {
        int length = headLength(in);
        if (length < 0) {
            return null;
        }
        byte[] head = new byte[length];
        in.get(in.position(), head);
        UpgradeRequest request = parse(head);
        in.position(in.position() + length);
        return request;
    }

    // Looks no further than MAX_HEAD_BYTES, so a client trickling an endless head costs bounded work per read.
    private static int headLength(ByteBuffer in) {
        int start = in.position();
        int window = Math.min(in.remaining(), MAX_HEAD_BYTES);
        for (int i = 3; i < window; i++) {
            if (in.get(start + i) == '\n' && in.get(start + i - 1) == '\r'
                    && in.get(start + i - 2) == '\n' && in.get(start + i - 3) == '\r') {
                return i + 1;
            }
        }
        if (in.remaining() >= MAX_HEAD_BYTES) {
            throw new BadRequest(431, "The request head is longer than " + MAX_HEAD_BYTES + " bytes.");
        }
        return -1;
    }

    private static UpgradeRequest parse(byte[] head) {
        checkCharacters(head);
        String[] lines = LINE_END.split(new String(head, 0, head.length - 4, US_ASCII), -1);
        Matcher requestLine = REQUEST_LINE.matcher(lines[0]);
        if (!requestLine.matches()) {
            throw new BadRequest(400, "The request line must read 'METHOD target HTTP/1.1'.");
        }
        String target = requestLine.group(2);
        if (target.charAt(0) != '/') {
            throw new BadRequest(400, "The request target must be a path starting with '/'.");
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        return new UpgradeRequest(requestLine.group(1), PercentDecoding.path(path), PercentDecoding.query(query),
                headers(lines));
    }

    // Printable ASCII and tabs only; CR and LF are let through here and refused below unless they pair as CRLF.
    private static void checkCharacters(byte[] head) {
        for (byte b : head) {
            if ((b < 0x20 || b > 0x7E) && b != '\t' && b != '\r' && b != '\n') {
                throw new BadRequest(400, "The request head may hold only printable ASCII characters.");
            }
        }
    }

    private static Map<String, String> headers(String[] lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon < 0 || line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new BadRequest(400, "Every header line must read 'Name: value'.");
            }
            String name = line.substring(0, colon);
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new BadRequest(400, "The header name '" + name.strip() + "' is not a valid token.");
            }
            name = name.toLowerCase(Locale.ROOT);
            String separator = name.equals("cookie") ? "; " : ", ";
            headers.merge(name, line.substring(colon + 1).strip(), (first, next) -> first + separator + next);
        }
        return headers;
    }
}
