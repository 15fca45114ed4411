-- Consultation bundle tables. Portable SQL: H2 2.x (embedded) and PostgreSQL 12+.

CREATE TABLE consult_child (
    id            VARCHAR(36)  PRIMARY KEY,
    family_name   VARCHAR(100) NOT NULL,
    given_name    VARCHAR(100) NOT NULL,
    sex           VARCHAR(10)  NOT NULL,
    birth_date    DATE         NOT NULL,
    id_type       VARCHAR(30),
    id_value      VARCHAR(64),
    created_by    VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A guardian may have a PediConsult login (username) or be known only from the HIS.
CREATE TABLE consult_guardian (
    id                VARCHAR(36)  PRIMARY KEY,
    username          VARCHAR(100),
    family_name       VARCHAR(100) NOT NULL,
    given_name        VARCHAR(100) NOT NULL,
    phone             VARCHAR(30),
    id_type           VARCHAR(30),
    id_value          VARCHAR(64),
    identity_verified BOOLEAN      DEFAULT FALSE NOT NULL,
    verified_by       VARCHAR(100),
    verified_method   VARCHAR(40),
    verified_at       TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_consult_guardian_username UNIQUE (username)
);

-- Who is guardian of whom, and how that relationship was verified.
CREATE TABLE consult_guardianship (
    guardian_id     VARCHAR(36)  NOT NULL REFERENCES consult_guardian (id),
    child_id        VARCHAR(36)  NOT NULL REFERENCES consult_child (id),
    relationship    VARCHAR(30)  NOT NULL,
    verified        BOOLEAN      DEFAULT FALSE NOT NULL,
    verified_by     VARCHAR(100),
    verified_method VARCHAR(40),
    verified_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (guardian_id, child_id)
);

CREATE TABLE consult_physician (
    id              VARCHAR(36)  PRIMARY KEY,
    username        VARCHAR(100) NOT NULL,
    family_name     VARCHAR(100) NOT NULL,
    given_name      VARCHAR(100) NOT NULL,
    licence_number  VARCHAR(50)  NOT NULL,
    practice_since  DATE         NOT NULL,
    title           VARCHAR(100),
    institution     VARCHAR(100) NOT NULL,
    whitelisted     BOOLEAN      DEFAULT FALSE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_consult_physician_username UNIQUE (username),
    CONSTRAINT uq_consult_physician_licence UNIQUE (licence_number)
);

CREATE TABLE consult_physician_specialty (
    physician_id  VARCHAR(36) NOT NULL REFERENCES consult_physician (id),
    specialty_id  VARCHAR(60) NOT NULL,
    PRIMARY KEY (physician_id, specialty_id)
);

-- Bookable time of a physician. consultation_id is set by the one booking that wins the slot.
CREATE TABLE consult_slot (
    id               VARCHAR(36) PRIMARY KEY,
    physician_id     VARCHAR(36) NOT NULL REFERENCES consult_physician (id),
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    minutes          INTEGER     NOT NULL,
    consultation_id  VARCHAR(36),
    CONSTRAINT uq_consult_slot_time UNIQUE (physician_id, starts_at)
);
CREATE INDEX ix_consult_slot_free ON consult_slot (physician_id, consultation_id);

CREATE TABLE consult_assessment (
    id                    VARCHAR(36)  PRIMARY KEY,
    child_id              VARCHAR(36)  NOT NULL REFERENCES consult_child (id),
    specialty_id          VARCHAR(60)  NOT NULL,
    questionnaire_version VARCHAR(40)  NOT NULL,
    answers               VARCHAR(100000) NOT NULL,
    triage_level          VARCHAR(20)  NOT NULL,
    triage_json           VARCHAR(20000) NOT NULL,
    submitted_by          VARCHAR(100) NOT NULL,
    submitted_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE consult_consultation (
    id                    VARCHAR(36)  PRIMARY KEY,
    child_id              VARCHAR(36)  NOT NULL REFERENCES consult_child (id),
    guardian_id           VARCHAR(36)  NOT NULL REFERENCES consult_guardian (id),
    specialty_id          VARCHAR(60)  NOT NULL,
    assessment_id         VARCHAR(36)  REFERENCES consult_assessment (id),
    kind                  VARCHAR(12)  NOT NULL,
    previous_id           VARCHAR(36),
    state                 VARCHAR(20)  NOT NULL,
    physician_id          VARCHAR(36)  REFERENCES consult_physician (id),
    slot_id               VARCHAR(36)  REFERENCES consult_slot (id),
    scheduled_at          TIMESTAMP WITH TIME ZONE,
    guardian_present      BOOLEAN      DEFAULT FALSE NOT NULL,
    guardian_attested_by  VARCHAR(100),
    guardian_attested_at  TIMESTAMP WITH TIME ZONE,
    diagnosis             VARCHAR(4000),
    plan                  VARCHAR(4000),
    referral_reason       VARCHAR(1000),
    referral_facility     VARCHAR(200),
    version               INTEGER      NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_consult_consultation_guardian ON consult_consultation (guardian_id);
CREATE INDEX ix_consult_consultation_physician ON consult_consultation (physician_id, state);

CREATE TABLE consult_transition (
    id               BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    consultation_id  VARCHAR(36)  NOT NULL REFERENCES consult_consultation (id),
    from_state       VARCHAR(20),
    to_state         VARCHAR(20)  NOT NULL,
    action           VARCHAR(30)  NOT NULL,
    actor            VARCHAR(100) NOT NULL,
    at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_consult_transition_consultation ON consult_transition (consultation_id);
