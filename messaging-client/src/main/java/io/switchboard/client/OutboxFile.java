package io.switchboard.client;

import io.switchboard.client.json.JsonException;
import io.switchboard.client.json.JsonObject;
import io.switchboard.client.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox as an append-only log, one JSON object per line: {@code {"op":"add",...entry}} when a send is
 * accepted, {@code {"op":"remove","clientMessageId":...}} when it is acknowledged or abandoned. Replaying the log
 * gives the unacknowledged entries. A crash can tear only the last line, which replay skips; the log is compacted
 * on open and whenever removals outnumber live entries.
 */
final class OutboxFile implements OutboxStore {

    private static final System.Logger LOG = System.getLogger(OutboxFile.class.getName());
    private static final int COMPACT_AFTER_REMOVALS = 256;

    private final Path path;
    private final Map<String, OutboxEntry> live = new LinkedHashMap<>();
    private OutboxLog log;
    private int removals;

    OutboxFile(Path path) {
        this.path = path;
        replay();
        compact();
    }

    @Override
    public List<OutboxEntry> load() {
        return List.copyOf(live.values());
    }

    @Override
    public void added(OutboxEntry entry) {
        log.append(OutboxLines.add(entry), true);
        live.put(entry.clientMessageId(), entry);
    }

    // Not forced to disk: losing a removal only re-sends an acknowledged message, which the server de-duplicates.
    @Override
    public void removed(String clientMessageId) {
        if (live.remove(clientMessageId) == null) {
            return;
        }
        log.append(OutboxLines.remove(clientMessageId), false);
        if (++removals > COMPACT_AFTER_REMOVALS && removals > live.size()) {
            compact();
        }
    }

    @Override
    public void close() {
        log.close();
    }

    private void replay() {
        if (!Files.exists(path)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                replayLine(lines.get(i), i + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the outbox file " + path, e);
        }
    }

    private void replayLine(String line, int number) {
        if (line.isBlank()) {
            return;
        }
        try {
            JsonObject record = JsonReader.parseObject(line);
            String id = record.string("clientMessageId");
            if ("add".equals(record.string("op"))) {
                live.put(id, OutboxLines.entry(record));
            } else {
                live.remove(id);
            }
        } catch (JsonException e) {
            LOG.log(Level.WARNING, "Skipping unreadable line {0} of outbox file {1}: {2}", number, path,
                    e.getMessage());
        }
    }

    private void compact() {
        if (log != null) {
            log.close();
        }
        OutboxLog.rewrite(path, live.values().stream().map(OutboxLines::add).toList());
        log = OutboxLog.open(path);
        removals = 0;
    }
}
