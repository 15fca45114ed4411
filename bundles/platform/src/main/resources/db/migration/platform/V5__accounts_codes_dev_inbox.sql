-- People's logins (issue 13): guardians who signed up, staff created by an administrator, demo users.
-- login_name is trimmed and lower-case; password_hash is Karaf's Argon2id form from the password-hashing
-- bundle. token_generation goes up when the account is disabled or its password changes: tokens carry
-- the generation they were issued under and are refused when it no longer matches (on every node).
CREATE TABLE platform_account (
    login_name        VARCHAR(100) PRIMARY KEY,
    display_name      VARCHAR(200) NOT NULL,
    phone             VARCHAR(20),
    password_hash     VARCHAR(400) NOT NULL,
    password_change   BOOLEAN      DEFAULT FALSE NOT NULL,
    enabled           BOOLEAN      DEFAULT TRUE NOT NULL,
    disabled_reason   VARCHAR(500),
    token_generation  INTEGER      DEFAULT 0 NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(200) NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_platform_account_phone UNIQUE (phone)
);

CREATE TABLE platform_account_role (
    login_name  VARCHAR(100) NOT NULL REFERENCES platform_account (login_name),
    role        VARCHAR(40)  NOT NULL,
    PRIMARY KEY (login_name, role)
);

-- One-time codes, kept as a SHA-256 hash of purpose, subject and code. A new code for the same purpose
-- and subject replaces the one before (deleted; one row per purpose and subject); used or dead codes are
-- deleted a day later. A check counts its try (attempts) before the code is compared.
CREATE TABLE platform_one_time_code (
    id          VARCHAR(36)  PRIMARY KEY,
    purpose     VARCHAR(40)  NOT NULL,
    subject     VARCHAR(100) NOT NULL,
    code_hash   VARCHAR(64)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts    INTEGER      DEFAULT 0 NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_platform_one_time_code_subject UNIQUE (purpose, subject)
);
CREATE INDEX ix_platform_one_time_code_created ON platform_one_time_code (created_at);

-- The development inbox (embedded mode only): texts that a real deployment's SMS gateway would send.
CREATE TABLE platform_dev_inbox (
    id          VARCHAR(36)   PRIMARY KEY,
    channel     VARCHAR(20)   NOT NULL,
    recipient   VARCHAR(40)   NOT NULL,
    purpose     VARCHAR(40)   NOT NULL,
    body        VARCHAR(1000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_platform_dev_inbox_created ON platform_dev_inbox (created_at);
