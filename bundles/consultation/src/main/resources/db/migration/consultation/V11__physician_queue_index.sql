-- The physician's queue is read page by page in time order (GET /api/consultations/queue).
CREATE INDEX ix_consult_consultation_physician_time ON consult_consultation (physician_id, scheduled_at);
