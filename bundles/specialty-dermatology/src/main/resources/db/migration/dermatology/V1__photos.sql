-- Dermatology bundle tables. Portable SQL: H2 2.x (embedded) and PostgreSQL 12+.
-- ${blob} is substituted by the platform: BLOB on H2, BYTEA on PostgreSQL.

-- Rash photos, stored only after re-encoding (no EXIF/XMP/comments). child_id refers to the
-- consultation bundle's child; no foreign key, because each bundle migrates its tables on its own.
CREATE TABLE derm_photo (
    id            VARCHAR(36)  PRIMARY KEY,
    child_id      VARCHAR(36)  NOT NULL,
    uploaded_by   VARCHAR(100) NOT NULL,
    content_type  VARCHAR(20)  NOT NULL,
    byte_size     INTEGER      NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    width         INTEGER      NOT NULL,
    height        INTEGER      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    content       ${blob}      NOT NULL
);

CREATE INDEX ix_derm_photo_child ON derm_photo (child_id);
