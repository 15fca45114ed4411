-- A referral from triage in both languages, with the specialty's urgency and kind of destination
-- (SPI 1.4): referral_reason and referral_facility keep the English (and "English (Chinese)") text
-- that the HL7 messages and the report read; a physician's end-and-refer leaves these empty.
ALTER TABLE consult_consultation ADD COLUMN referral_reason_zh VARCHAR(1000);
ALTER TABLE consult_consultation ADD COLUMN referral_facility_zh VARCHAR(200);
ALTER TABLE consult_consultation ADD COLUMN referral_urgency VARCHAR(20);
ALTER TABLE consult_consultation ADD COLUMN referral_destination VARCHAR(40);
