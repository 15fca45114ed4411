-- Codes may live longer than a day (a parcel's code, issue 15): old rows are cleaned up by their expiry.
CREATE INDEX ix_platform_one_time_code_expires ON platform_one_time_code (expires_at);
