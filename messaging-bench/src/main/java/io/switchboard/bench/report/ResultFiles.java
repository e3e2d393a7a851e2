package io.switchboard.bench.report;

import io.switchboard.bench.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes {@code <prefix>.json} and {@code <prefix>.md}; without a prefix the JSON goes to standard output. */
public final class ResultFiles {

    private ResultFiles() {
    }

    public static void write(String prefix, Map<String, Object> result) {
        String json = JsonWriter.pretty(result);
        if (prefix == null || prefix.isEmpty()) {
            System.out.print(json);
            return;
        }
        try {
            Path jsonFile = Path.of(prefix + ".json");
            if (jsonFile.toAbsolutePath().getParent() != null) {
                Files.createDirectories(jsonFile.toAbsolutePath().getParent());
            }
            Files.writeString(jsonFile, json, StandardCharsets.UTF_8);
            Files.writeString(Path.of(prefix + ".md"), Markdown.result(result), StandardCharsets.UTF_8);
            System.err.println("wrote " + jsonFile + " and " + prefix + ".md");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
