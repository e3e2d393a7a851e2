package io.switchboard.delivery.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The acknowledged positions of this node's devices that are not written yet, kept until a write has committed them,
 * whichever session (open, closing or gone) took the ack. A connect reads them before it reads the stored cursors:
 * what is no longer here is committed by then, so an ack that reached the server before the device reconnected is
 * never replayed, however the flush, the old session's close and the new connect interleave. Not a bean: one
 * instance belongs to {@code CursorWrites}, and the sessions call it directly for every ack, without a client proxy's
 * per-call interception context.
 */
public class UnsavedCursors {

    /**
     * Per device, the conversations' positions; every access to a device's map holds its bin of the outer map. A
     * position is raised in place, so that an ack boxes no number.
     */
    private final Map<DeviceTable.DeviceKey, Map<String, Position>> byDevice = new ConcurrentHashMap<>();

    public void acked(DeviceTable.DeviceKey device, String conversationId, long seq) {
        byDevice.compute(device, (key, positions) -> {
            Map<String, Position> kept = positions == null ? new HashMap<>(4) : positions;
            Position position = kept.get(conversationId);
            if (position == null) {
                kept.put(conversationId, new Position(seq));
            } else if (seq > position.seq) {
                position.seq = seq;
            }
            return kept;
        });
    }

    /** The device's unsaved positions, by conversation; empty when everything it acknowledged is written. */
    public Map<String, Long> of(DeviceTable.DeviceKey device) {
        Map<String, Long> copy = new HashMap<>();
        byDevice.computeIfPresent(device, (key, positions) -> {
            positions.forEach((conversation, position) -> copy.put(conversation, position.seq));
            return positions;
        });
        return copy;
    }

    /** The device's unsaved positions as cursors to write. */
    public List<CursorTable.Cursor> cursorsOf(DeviceTable.DeviceKey device) {
        List<CursorTable.Cursor> cursors = new ArrayList<>();
        of(device).forEach((conversation, seq) -> cursors.add(
                new CursorTable.Cursor(device.userId(), device.deviceId(), conversation, seq)));
        return cursors;
    }

    /** Every unsaved position as a cursor to write. */
    public List<CursorTable.Cursor> all() {
        List<CursorTable.Cursor> cursors = new ArrayList<>();
        for (DeviceTable.DeviceKey device : byDevice.keySet()) {
            cursors.addAll(cursorsOf(device));
        }
        return cursors;
    }

    /** Forgets the written positions; one that an ack raised meanwhile stays for the next write. */
    public void written(List<CursorTable.Cursor> cursors) {
        for (CursorTable.Cursor cursor : cursors) {
            byDevice.computeIfPresent(new DeviceTable.DeviceKey(cursor.userId(), cursor.deviceId()),
                    (key, positions) -> {
                        Position position = positions.get(cursor.conversationId());
                        if (position != null && position.seq == cursor.ackedSeq()) {
                            positions.remove(cursor.conversationId());
                        }
                        return positions.isEmpty() ? null : positions;
                    });
        }
    }

    /** A conversation's unsaved position; read and written only inside its device's bin. */
    private static final class Position {

        long seq;

        Position(long seq) {
            this.seq = seq;
        }
    }
}
