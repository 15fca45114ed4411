-- ix_platform_audit_patient (platform_audit.patient_id) has served no query since V4: the search by patient goes
-- through platform_audit_patient (patient_id, seq), which also finds the records of list reads (their patients
-- column). The sealer still wrote it for every audit record, that is for every read and write of patient data, a
-- random page of a B-tree in each of its commits (issue 18).
DROP INDEX ix_platform_audit_patient;
