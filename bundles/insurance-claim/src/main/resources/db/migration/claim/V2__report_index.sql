-- The pilot evaluation report and the reconciliation read claim versions created in a period.
CREATE INDEX ix_claim_created ON claim_claim (created_at);
