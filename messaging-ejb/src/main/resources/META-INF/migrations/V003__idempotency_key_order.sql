-- The idempotency key leads with client_message_id: a batch of sends looks its keys up with one IN list on it.
ALTER TABLE sb_message DROP CONSTRAINT sb_message_idempotency;
ALTER TABLE sb_message ADD CONSTRAINT sb_message_idempotency UNIQUE (client_message_id, sender_id);
