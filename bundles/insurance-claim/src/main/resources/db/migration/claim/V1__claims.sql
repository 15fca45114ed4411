-- Insurance claims (issue 16): one row per claim version (never edited once submitted: a resubmission or a
-- correction is a new version), lines and reasons as JSON; a child's coverage; every state change a step.
CREATE TABLE claim_claim (
    id                  VARCHAR(36)   PRIMARY KEY,
    consultation_id     VARCHAR(36)   NOT NULL,
    child_id            VARCHAR(36)   NOT NULL,
    specialty_id        VARCHAR(60),
    institution         VARCHAR(100),
    payer               VARCHAR(60),
    version             INTEGER       NOT NULL,
    previous_id         VARCHAR(36),
    state               VARCHAR(20)   NOT NULL,
    rule_set_version    VARCHAR(40),
    reasons_json        VARCHAR(20000),
    lines_json          VARCHAR(100000) NOT NULL,
    coverage_json       VARCHAR(4000),
    claimed             DECIMAL(12,2) NOT NULL,
    self_pay            DECIMAL(12,2) NOT NULL,
    paid                DECIMAL(12,2),
    insurer_reasons_json VARCHAR(20000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE,
    answered_at         TIMESTAMP WITH TIME ZONE,
    adjudicated_at      TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version         INTEGER       NOT NULL,
    CONSTRAINT uq_claim_version UNIQUE (consultation_id, version)
);
CREATE INDEX ix_claim_state ON claim_claim (state, created_at);
CREATE INDEX ix_claim_child ON claim_claim (child_id);

CREATE TABLE claim_coverage (
    child_id       VARCHAR(36)   PRIMARY KEY,
    coverage_json  VARCHAR(4000) NOT NULL,
    source         VARCHAR(100)  NOT NULL,
    updated_by     VARCHAR(100)  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE claim_step (
    claim_id    VARCHAR(36)   NOT NULL,
    seq         INTEGER       NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    from_state  VARCHAR(20),
    to_state    VARCHAR(20)   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    note        VARCHAR(1000),
    PRIMARY KEY (claim_id, seq)
);
