-- Raised by every change of a conversation's members: a node that caches members checks it under the row lock.
ALTER TABLE sb_conversation ADD COLUMN members_version BIGINT DEFAULT 0 NOT NULL;
