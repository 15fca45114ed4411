-- Prescriptions (issue 14): a completed consultation may still be prescribed for within a window, counted
-- from its completion (updated_at moves on later, e.g. with a presence report), and a child's allergies.
ALTER TABLE consult_consultation ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;

-- Allergies and intolerances by ingredient ("ibuprofen") or drug class ("nsaid"), entered by a guardian or a
-- treating physician; removing one keeps the row (who and when) for the record.
CREATE TABLE consult_child_allergy (
    id           VARCHAR(36)  PRIMARY KEY,
    child_id     VARCHAR(36)  NOT NULL REFERENCES consult_child (id),
    substance    VARCHAR(100) NOT NULL,
    reaction     VARCHAR(500),
    recorded_by  VARCHAR(100) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_by   VARCHAR(100),
    removed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_consult_child_allergy_child ON consult_child_allergy (child_id, removed_at);
