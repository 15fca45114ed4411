-- ix_consult_consultation_physician (physician_id, state) serves nothing that ix_consult_consultation_physician_time
-- (physician_id, scheduled_at, V11) does not: every query by physician also orders or filters by time. It was
-- rewritten by every booking and state change, one more index page in each commit (issue 18).
DROP INDEX ix_consult_consultation_physician;
