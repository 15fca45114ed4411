-- Pharmacy logistics (issue 15): dispense records, delivery orders with their steps, temperature readings
-- of cold-chain parcels, and the guardians' delivery addresses. Nothing is deleted (traceability).
CREATE TABLE pharm_dispense (
    id               VARCHAR(36)   PRIMARY KEY,
    prescription_id  VARCHAR(36)   NOT NULL,
    consultation_id  VARCHAR(36)   NOT NULL,
    child_id         VARCHAR(36)   NOT NULL,
    items_json       VARCHAR(100000) NOT NULL,
    dispensed_by     VARCHAR(100)  NOT NULL,
    dispensed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    source           VARCHAR(100)  NOT NULL,
    CONSTRAINT uq_pharm_dispense_prescription UNIQUE (prescription_id)
);
CREATE INDEX ix_pharm_dispense_consultation ON pharm_dispense (consultation_id);

CREATE TABLE pharm_address (
    id           VARCHAR(36)   PRIMARY KEY,
    guardian     VARCHAR(100)  NOT NULL,
    recipient    VARCHAR(100)  NOT NULL,
    phone        VARCHAR(20)   NOT NULL,
    province     VARCHAR(50)   NOT NULL,
    city         VARCHAR(50)   NOT NULL,
    district     VARCHAR(50),
    street       VARCHAR(200)  NOT NULL,
    postcode     VARCHAR(10),
    is_default   BOOLEAN       DEFAULT FALSE NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_pharm_address_guardian ON pharm_address (guardian, removed_at);

CREATE TABLE pharm_delivery (
    id               VARCHAR(36)   PRIMARY KEY,
    prescription_id  VARCHAR(36)   NOT NULL,
    consultation_id  VARCHAR(36)   NOT NULL,
    child_id         VARCHAR(36)   NOT NULL,
    guardian         VARCHAR(100)  NOT NULL,
    guardian_phone   VARCHAR(20),
    state            VARCHAR(30)   NOT NULL,
    address_json     VARCHAR(2000),
    cold_chain       BOOLEAN       DEFAULT FALSE NOT NULL,
    dispense_id      VARCHAR(36),
    courier          VARCHAR(100),
    seal_number      VARCHAR(50),
    attempts         INTEGER       DEFAULT 0 NOT NULL,
    refusal_reason   VARCHAR(30),
    note             VARCHAR(500),
    last_temperature DOUBLE PRECISION,
    last_reading_at  TIMESTAMP WITH TIME ZONE,
    excursion        BOOLEAN       DEFAULT FALSE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    dispatched_at    TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version      INTEGER       NOT NULL,
    CONSTRAINT uq_pharm_delivery_prescription UNIQUE (prescription_id)
);
CREATE INDEX ix_pharm_delivery_state ON pharm_delivery (state, created_at);
CREATE INDEX ix_pharm_delivery_courier ON pharm_delivery (courier, state);
CREATE INDEX ix_pharm_delivery_child ON pharm_delivery (child_id);
CREATE INDEX ix_pharm_delivery_consultation ON pharm_delivery (consultation_id);

CREATE TABLE pharm_delivery_step (
    delivery_id  VARCHAR(36)   NOT NULL,
    seq          INTEGER       NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    from_state   VARCHAR(30),
    to_state     VARCHAR(30)   NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    note         VARCHAR(500),
    PRIMARY KEY (delivery_id, seq)
);

CREATE TABLE pharm_reading (
    delivery_id  VARCHAR(36)   NOT NULL,
    reading_id   VARCHAR(64)   NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    celsius      DOUBLE PRECISION NOT NULL,
    in_range     BOOLEAN       NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (delivery_id, reading_id)
);
CREATE INDEX ix_pharm_reading_alarm ON pharm_reading (in_range, at);
