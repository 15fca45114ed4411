-- The aggregate id of the domain event an outbound message was mapped from (e.g. the claim id of a
-- claim.submitted), next to event_id and event_type: the hl7.outbound-acknowledged event names the
-- source event's type and aggregate so the bundle that published it learns the receiver's answer.
-- Rows queued before this migration have none (NULL).
ALTER TABLE hl7_outbound ADD COLUMN aggregate_id VARCHAR(200);
