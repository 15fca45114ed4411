-- Fewer B-trees for every stored message to write (issue 18). On H2 each commit writes every page it
-- changed, of every index, into a new chunk; the store commits per group of messages and the processor
-- per batch, so each index of hl7_message costs every message twice (its insert, its outcome update).
-- bench/hl7-throughput/StoreIndexes.java: the store's and the processor's database work per message,
-- 360 -> 304 us with these indexes (medians of 3, H2, groups of 2).
--
-- ix_hl7_message_key (channel, sender, control_id): no query used it. Duplicates are found through
-- hl7_inbound_key's primary key, and the operations search by control id names no sender, so H2 read
-- the whole channel (or the table) through it. Replaced by ix_hl7_message_control (control_id), which
-- finds a control id with or without a channel.
DROP INDEX ix_hl7_message_key;
CREATE INDEX ix_hl7_message_control ON hl7_message (control_id);
-- ix_hl7_message_outcome (outcome, received_at): the backlog index, its columns reordered, now leads
-- with the outcome, so it serves the operations search by outcome (ERROR, PARKED...) and retention's
-- outcome lists as well as the processor's next batch (MessageStore.received orders by its columns).
DROP INDEX ix_hl7_message_outcome;
DROP INDEX ix_hl7_message_backlog;
CREATE INDEX ix_hl7_message_backlog ON hl7_message (outcome, channel, id);
-- ix_hl7_message_type (message_type, received_at): only the operations search by type used it. Without
-- it, that search reads the table (a rare type among 200,000 rows: 13 ms instead of 1 ms on H2), or
-- the range of ix_hl7_message_received when the search gives a period.
DROP INDEX ix_hl7_message_type;
