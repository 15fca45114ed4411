-- The pilot evaluation report counts deliveries created and delivered in a period, and the steps into
-- REFUSED, RETURNED and QUARANTINED: a range on each of these times.
CREATE INDEX ix_pharm_delivery_created ON pharm_delivery (created_at);
CREATE INDEX ix_pharm_delivery_delivered ON pharm_delivery (delivered_at);
CREATE INDEX ix_pharm_delivery_step_state ON pharm_delivery_step (to_state, at);
