-- Issue 12: every audit record says where the request came from, a list read names every patient it
-- showed, and auditors search the trail by patient, actor, action and time.
ALTER TABLE platform_audit ADD COLUMN client_address VARCHAR(100);
ALTER TABLE platform_audit ADD COLUMN patients VARCHAR(1000000);
ALTER TABLE platform_audit_pending ADD COLUMN client_address VARCHAR(100);
ALTER TABLE platform_audit_pending ADD COLUMN patients VARCHAR(1000000);

-- Which records concern which patient (patient_id and each of patients), written when a record is
-- sealed: "who saw this child" is one indexed lookup. Derived from the chained columns, so not hashed.
CREATE TABLE platform_audit_patient (
    patient_id  VARCHAR(100)  NOT NULL,
    seq         BIGINT        NOT NULL,
    PRIMARY KEY (patient_id, seq)
);
INSERT INTO platform_audit_patient (patient_id, seq) SELECT patient_id, seq FROM platform_audit WHERE patient_id IS NOT NULL;
CREATE INDEX ix_platform_audit_actor ON platform_audit (actor, seq);
CREATE INDEX ix_platform_audit_recorded ON platform_audit (recorded_at);
