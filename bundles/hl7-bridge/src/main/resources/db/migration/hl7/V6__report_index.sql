-- The pilot evaluation report counts messages per direction, type, outcome and month over a period:
-- a range on received_at, the grouping columns alongside.
CREATE INDEX ix_hl7_message_received ON hl7_message (received_at, direction, message_type, outcome);
