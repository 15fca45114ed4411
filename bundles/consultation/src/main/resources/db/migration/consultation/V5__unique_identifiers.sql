-- Issue 12: one child per identifier. A guardian could register a child with the identifier of a
-- hospital patient (the lookup took the first matching row) and then receive that patient's ADT
-- demographics and ORU results. Identifiers of the HIS's own type are now written only by the HIS,
-- and (id_type, id_value) is unique (rows without an identifier are not affected: NULLs are distinct).
-- A database holding duplicates stops here: resolve them first (merge the children).
DROP INDEX ix_consult_child_identifier;
CREATE UNIQUE INDEX uq_consult_child_identifier ON consult_child (id_type, id_value);
