-- Observations from the hospital (HL7 ORU R01) on a child's record. Portable SQL: H2 2.x and PostgreSQL 12+.
-- result_key: SHA-256 (hex) of order number, service, OBX set id, code, coding system, sub-id and
-- observation time; one row per (child, result_key), so a resent or reprocessed result adds nothing.
CREATE TABLE consult_observation (
    id                      VARCHAR(36)    PRIMARY KEY,
    child_id                VARCHAR(36)    NOT NULL REFERENCES consult_child (id),
    result_key              VARCHAR(64)    NOT NULL,
    order_number            VARCHAR(200),
    service_code            VARCHAR(100),
    service_text            VARCHAR(400),
    set_id                  VARCHAR(20),
    code                    VARCHAR(100)   NOT NULL,
    coding_system           VARCHAR(50),
    code_text               VARCHAR(400),
    alternate_code          VARCHAR(100),
    alternate_coding_system VARCHAR(50),
    sub_id                  VARCHAR(100),
    value_type              VARCHAR(10),
    value_text              VARCHAR(20000),
    numeric_value           DOUBLE PRECISION,
    value_code              VARCHAR(100),
    value_coding_system     VARCHAR(50),
    units                   VARCHAR(100),
    reference_range         VARCHAR(200),
    abnormal_flags          VARCHAR(100),
    result_status           VARCHAR(5),
    observed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    ordering_provider       VARCHAR(300),
    performer               VARCHAR(300),
    source                  VARCHAR(100)   NOT NULL,
    control_id              VARCHAR(200),
    recorded_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_consult_observation_key UNIQUE (child_id, result_key)
);
CREATE INDEX ix_consult_observation_child ON consult_observation (child_id, observed_at);
