-- Every send inserts into sb_message, and each index on it is B-tree work in the send transaction. Two of the five
-- go: the retention purge finds old messages through the primary key (message ids lead with their time), and the
-- foreign key only repeated what the send transaction checks itself, with the conversation row locked. The
-- database named that constraint itself, so its name is looked up (see SchemaMigrator).
DROP INDEX sb_message_sent_at;
ALTER TABLE sb_message DROP CONSTRAINT ${foreign-key:sb_message.conversation_id};
