-- A child's guardians are looked up by child (PeopleStore.guardianships: every child record read with its guardians).
-- H2 indexes foreign keys by itself; PostgreSQL does not: without this the lookup scans the table.
CREATE INDEX ix_consult_guardianship_child ON consult_guardianship (child_id);
