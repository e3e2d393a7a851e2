package io.switchboard.client;

import java.util.List;

/** Where the outbox keeps its entries beyond the process: nowhere, or a file. */
interface OutboxStore {

    /** Nothing survives the process. */
    OutboxStore MEMORY = new OutboxStore() {
        @Override
        public List<OutboxEntry> load() {
            return List.of();
        }

        @Override
        public void added(OutboxEntry entry) {
        }

        @Override
        public void removed(String clientMessageId) {
        }

        @Override
        public void close() {
        }
    };

    /** The entries a previous process left unacknowledged. */
    List<OutboxEntry> load();

    /** Must be durable when it returns: the entry goes on the wire right after, and a crash must not lose it. */
    void added(OutboxEntry entry);

    void removed(String clientMessageId);

    void close();
}
