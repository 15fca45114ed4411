-- The HIS interfaces look a child up by its HIS identifier for every ADT (upsert) and ORU
-- (observations): without an index that was a scan of consult_child per message, which grew with
-- the table (profiled in the HL7 inbound benchmark: most of the HL7 processor's time).
CREATE INDEX ix_consult_child_identifier ON consult_child (id_type, id_value);
