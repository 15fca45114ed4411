-- The pilot evaluation report counts versions signed, reviewed (approved or rejected), voided, expired and
-- dispensed in a period: a range on each of these times.
CREATE INDEX ix_rx_signed_at ON rx_prescription (signed_at);
CREATE INDEX ix_rx_reviewed_at ON rx_prescription (reviewed_at);
CREATE INDEX ix_rx_voided_at ON rx_prescription (voided_at);
CREATE INDEX ix_rx_dispensed_at ON rx_prescription (dispensed_at);
CREATE INDEX ix_rx_valid_until ON rx_prescription (state, valid_until);
