-- Outbound messages are stored in hl7_message too (direction OUT; outcome QUEUED, SENT or PARKED),
-- so one search covers both directions. The patient column (PediConsult child id, or the PID-3 of an
-- inbound message) lets operators find every message about one child.
ALTER TABLE hl7_message ADD COLUMN patient VARCHAR(200);
CREATE INDEX ix_hl7_message_patient ON hl7_message (patient, received_at);

-- The durable delivery queue of outbound channels: one row per message and destination. A row is
-- PENDING until the receiver accepts it (SENT) or it is given up (PARKED: too many negative ACKs or
-- ACK timeouts, rejected outright, or not mappable). Delivery is ordered per (channel, patient_key)
-- by (occurred_at, message_id); a PARKED row no longer holds the patient's later messages back.
CREATE TABLE hl7_outbound (
    message_id       BIGINT       NOT NULL PRIMARY KEY REFERENCES hl7_message (id),
    channel          VARCHAR(60)  NOT NULL,
    event_id         VARCHAR(64)  NOT NULL,
    event_type       VARCHAR(100) NOT NULL,
    seq              INT          NOT NULL,
    patient_key      VARCHAR(200) NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    state            VARCHAR(10)  NOT NULL,
    attempts         INT          NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    sent_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_hl7_outbound_event UNIQUE (channel, event_id, seq)
);
CREATE INDEX ix_hl7_outbound_due ON hl7_outbound (channel, state, next_attempt_at);
CREATE INDEX ix_hl7_outbound_patient ON hl7_outbound (channel, patient_key, state, occurred_at);
