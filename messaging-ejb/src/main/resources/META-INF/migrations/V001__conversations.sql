-- Conversations, members and messages. Portable SQL: runs unchanged on Derby and PostgreSQL.
CREATE TABLE sb_conversation (
    id VARCHAR(40) NOT NULL PRIMARY KEY,
    kind VARCHAR(10) NOT NULL,
    name VARCHAR(200),
    direct_key VARCHAR(300) UNIQUE,
    last_seq BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE sb_membership (
    conversation_id VARCHAR(40) NOT NULL REFERENCES sb_conversation (id),
    user_id VARCHAR(128) NOT NULL,
    joined_at TIMESTAMP NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);

CREATE INDEX sb_membership_user ON sb_membership (user_id);

CREATE TABLE sb_message (
    id VARCHAR(40) NOT NULL PRIMARY KEY,
    conversation_id VARCHAR(40) NOT NULL REFERENCES sb_conversation (id),
    seq BIGINT NOT NULL,
    sender_id VARCHAR(128) NOT NULL,
    client_message_id VARCHAR(64) NOT NULL,
    text VARCHAR(8000) NOT NULL,
    priority VARCHAR(8) NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    CONSTRAINT sb_message_seq UNIQUE (conversation_id, seq),
    CONSTRAINT sb_message_idempotency UNIQUE (sender_id, client_message_id)
);
