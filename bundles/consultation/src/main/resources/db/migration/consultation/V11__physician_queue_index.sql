-- The physician's queue is read page by page in time order (GET /api/consultations/queue).
CREATE INDEX ix_consult_consultation_physician_time ON consult_consultation (physician_id, scheduled_at);
-- ... and a consultation's page lists the child's other consultations (GET /api/consultations?child=).
CREATE INDEX ix_consult_consultation_child ON consult_consultation (child_id, created_at);
