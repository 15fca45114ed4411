-- E-prescriptions (issue 14). One row per version: a signed version is never edited (a rejected one is
-- corrected by a new row whose previous_id names it). The content the physician signed is kept exactly as
-- signed (canonical_content) beside the detached signature, so anyone can verify it later. Kept >= 15 years:
-- nothing here is ever deleted.
CREATE TABLE rx_prescription (
    id                 VARCHAR(36)   PRIMARY KEY,
    consultation_id    VARCHAR(36)   NOT NULL,
    child_id           VARCHAR(36)   NOT NULL,
    specialty_id       VARCHAR(60)   NOT NULL,
    physician          VARCHAR(100)  NOT NULL,
    version            INTEGER       NOT NULL,
    previous_id        VARCHAR(36),
    state              VARCHAR(20)   NOT NULL,
    emergency          BOOLEAN       DEFAULT FALSE NOT NULL,
    chronic_reason     VARCHAR(500),
    diagnosis          VARCHAR(4000),
    items_json         VARCHAR(200000) NOT NULL,
    child_birth_date   DATE,
    child_sex          VARCHAR(10),
    weight_kg          DOUBLE PRECISION,
    weight_date        DATE,
    weight_source      VARCHAR(20),
    allergies_json     VARCHAR(20000),
    checks_json        VARCHAR(200000),
    canonical_content  VARCHAR(200000),
    signature          VARCHAR(2000),
    signing_key_id     VARCHAR(64),
    signed_at          TIMESTAMP WITH TIME ZONE,
    valid_until        TIMESTAMP WITH TIME ZONE,
    reviewed_by        VARCHAR(100),
    reviewed_at        TIMESTAMP WITH TIME ZONE,
    rejection_reason   VARCHAR(1000),
    voided_by          VARCHAR(100),
    voided_at          TIMESTAMP WITH TIME ZONE,
    void_reason        VARCHAR(1000),
    dispensed_at       TIMESTAMP WITH TIME ZONE,
    sent_to_pharmacy   BOOLEAN       DEFAULT FALSE NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version        INTEGER       NOT NULL,
    CONSTRAINT uq_rx_version UNIQUE (consultation_id, previous_id, version)
);
CREATE INDEX ix_rx_consultation ON rx_prescription (consultation_id, created_at);
CREATE INDEX ix_rx_state ON rx_prescription (state, signed_at);
CREATE INDEX ix_rx_child_state ON rx_prescription (child_id, state);
