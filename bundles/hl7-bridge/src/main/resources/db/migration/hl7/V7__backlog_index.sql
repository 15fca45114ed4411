-- The processor's next batch (MessageStore.received): a channel's RECEIVED messages in id order, from
-- where the last batch ended. Without this index H2 read every RECEIVED row through
-- ix_hl7_message_outcome and sorted them for each batch of 64, so a backlog of n messages cost n^2/64
-- row reads (profiled in issue 18); with it, a batch reads its 64 index entries in order.
CREATE INDEX ix_hl7_message_backlog ON hl7_message (channel, outcome, id);
