-- Front-desk verification (issue 13): a refused identity or relationship keeps the reason, who refused and
-- when; the person corrects it and the queue shows it again once verified or changed.
ALTER TABLE consult_guardian ADD COLUMN refused_reason VARCHAR(500);
ALTER TABLE consult_guardian ADD COLUMN refused_by VARCHAR(100);
ALTER TABLE consult_guardian ADD COLUMN refused_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consult_guardianship ADD COLUMN refused_reason VARCHAR(500);
ALTER TABLE consult_guardianship ADD COLUMN refused_by VARCHAR(100);
ALTER TABLE consult_guardianship ADD COLUMN refused_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_consult_guardian_unverified ON consult_guardian (identity_verified, created_at);
