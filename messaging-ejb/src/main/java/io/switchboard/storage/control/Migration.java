package io.switchboard.storage.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** One versioned script, {@code V<number>__<description>.sql}, split into its statements. */
public record Migration(int version, String description, List<String> statements) {

    static final String FOLDER = "META-INF/migrations/";

    public static List<Migration> listed(ClassLoader loader) {
        return lines(read(loader, FOLDER + "index.txt")).stream()
                .map(name -> parse(name, read(loader, FOLDER + name)))
                .toList();
    }

    static Migration parse(String fileName, String script) {
        var matcher = java.util.regex.Pattern.compile("V(\\d+)__(.+)\\.sql").matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalStateException("migration file name is not V<n>__<name>.sql: " + fileName);
        }
        return new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '),
                statements(script));
    }

    static List<String> statements(String script) {
        String withoutComments = String.join("\n", script.lines().filter(l -> !l.strip().startsWith("--")).toList());
        return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
