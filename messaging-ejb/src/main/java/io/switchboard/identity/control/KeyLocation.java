package io.switchboard.identity.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a key document from where {@code mp.jwt.verify.publickey.location} points, as Liberty resolves it. */
final class KeyLocation {

    /** A key set is a few kilobytes; a larger answer is not one, and must not fill the heap. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final int TIMEOUT_MILLIS = 5_000;

    private KeyLocation() {
    }

    /** @throws IllegalStateException naming the location: it is configuration, not a secret */
    static String read(String location) {
        try {
            String lower = location.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http:") || lower.startsWith("https:")) {
                return fetch(URI.create(location).toURL());
            }
            if (lower.startsWith("file:")) {
                return Files.readString(Path.of(URI.create(location)));
            }
            return readPathOrResource(location);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The trusted keys at " + location + " cannot be read: " + reason(e) + ".",
                    e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "there is no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String fetch(URL url) throws IOException {
        var connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestProperty("Accept", "application/json, application/jwk-set+json, */*");
        try {
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP status " + status);
            }
            try (InputStream body = connection.getInputStream()) {
                return text(body);
            }
        } finally {
            connection.disconnect();
        }
    }

    /** Like Liberty: a relative path that is not a file is looked up on the application's class path. */
    private static String readPathOrResource(String location) throws IOException {
        Path path = Path.of(location);
        if (Files.exists(path) || path.isAbsolute()) {
            return Files.readString(path);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL resource = loader == null ? null : loader.getResource(location);
        if (resource == null) {
            throw new IOException("no such file or class-path resource");
        }
        try (InputStream in = resource.openStream()) {
            return text(in);
        }
    }

    private static String text(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new IOException("the document is larger than 1 MB");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
