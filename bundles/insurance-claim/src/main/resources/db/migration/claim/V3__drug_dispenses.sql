-- Drug lines (issue 16): each dispense of a consultation's prescription, priced once when the pharmacy's
-- pediconsult.pharmacy.dispensed event comes by (the primary key: a dispense is never charged twice), and the claim
-- version that charges it (null while it waits: the consultation has no claim yet, or its newest version is
-- REJECTED and the drugs ride along with the resubmission).
CREATE TABLE claim_dispense (
    dispense_id      VARCHAR(64)    PRIMARY KEY,
    consultation_id  VARCHAR(36)    NOT NULL,
    child_id         VARCHAR(36),
    dispensed_at     TIMESTAMP WITH TIME ZONE,
    drugs_json       VARCHAR(100000) NOT NULL,
    claim_id         VARCHAR(36),
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_claim_dispense_consultation ON claim_dispense (consultation_id);
