-- Per-device delivery state: the devices a user has, and for each device and conversation the highest seq it
-- acknowledged contiguously.
CREATE TABLE sb_device (
    user_id VARCHAR(128) NOT NULL,
    device_id VARCHAR(64) NOT NULL,
    first_seen_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, device_id)
);

CREATE INDEX sb_device_last_seen ON sb_device (last_seen_at);

CREATE TABLE sb_device_cursor (
    user_id VARCHAR(128) NOT NULL,
    device_id VARCHAR(64) NOT NULL,
    conversation_id VARCHAR(40) NOT NULL,
    acked_seq BIGINT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, device_id, conversation_id)
);

CREATE INDEX sb_message_sent_at ON sb_message (sent_at);
