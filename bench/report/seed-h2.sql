-- bench/report.sh: a year of a pilot in the consultation tables, for the report's speed (H2 syntax; not a test).
-- N consultations (SET @N) spread evenly over 2026 in Beijing time, one every 315 s, on the demo child, guardian and
-- dr.wang: 1/3 each specialty; 1 in 10 a follow-up; states by x mod 20: 14 COMPLETED, 2 REFERRED (one ended and
-- referred, one at triage), 2 CANCELLED, 1 NO_SHOW, 1 SCHEDULED; triage 1 in 50 EMERGENCY, 1 in 10 IN_PERSON;
-- transitions per completed one: book, waiting room, admit, (a pause and resume for 1 in 7), complete.
SET @START = TIMESTAMP WITH TIME ZONE '2025-12-31 16:00:00+00';

INSERT INTO consult_assessment (id, child_id, specialty_id, questionnaire_version, answers, triage_level, triage_json, submitted_by, submitted_at)
SELECT 'bench-a-' || x, (SELECT MIN(id) FROM consult_child), CASEWHEN(MOD(x, 3) = 0, 'growth-development', CASEWHEN(MOD(x, 3) = 1, 'nutrition', 'dermatology')),
       '1', '{}', CASEWHEN(MOD(x, 50) = 0, 'EMERGENCY', CASEWHEN(MOD(x, 10) = 0, 'IN_PERSON', 'REMOTE_OK')), '{}', 'bench',
       DATEADD(SECOND, x * 315, @START)
FROM SYSTEM_RANGE(1, @N);

INSERT INTO consult_consultation (id, child_id, guardian_id, specialty_id, assessment_id, kind, state, physician_id, scheduled_at,
       guardian_present, referral_reason, version, created_at, updated_at, completed_at,
       triage_level, waiting_at, admitted_at, started_at, pause_count, ended_and_referred)
SELECT 'bench-c-' || x, (SELECT MIN(id) FROM consult_child), (SELECT MIN(id) FROM consult_guardian WHERE username = 'guardian.tang'),
       CASEWHEN(MOD(x, 3) = 0, 'growth-development', CASEWHEN(MOD(x, 3) = 1, 'nutrition', 'dermatology')), 'bench-a-' || x,
       CASEWHEN(MOD(x, 10) = 0, 'FOLLOW_UP', 'INITIAL'),
       CASEWHEN(MOD(x, 20) < 14, 'COMPLETED', CASEWHEN(MOD(x, 20) < 16, 'REFERRED', CASEWHEN(MOD(x, 20) < 18, 'CANCELLED',
           CASEWHEN(MOD(x, 20) = 18, 'NO_SHOW', 'SCHEDULED')))),
       (SELECT MIN(id) FROM consult_physician WHERE username = 'dr.wang'), DATEADD(SECOND, x * 315 + 3600, @START),
       TRUE, CASEWHEN(MOD(x, 20) IN (14, 15), CASEWHEN(MOD(x, 40) < 20, '需要当面检查', '皮损需皮肤镜检查'), NULL), 1,
       DATEADD(SECOND, x * 315, @START), DATEADD(SECOND, x * 315 + 5400, @START),
       CASEWHEN(MOD(x, 20) < 14, DATEADD(SECOND, x * 315 + 3600 + 900 + MOD(x, 600), @START), NULL),
       -- the facts the transitions below keep on the row (what ConsultationStore.insertTransition writes)
       CASEWHEN(MOD(x, 50) = 0, 'EMERGENCY', CASEWHEN(MOD(x, 10) = 0, 'IN_PERSON', 'REMOTE_OK')),
       CASEWHEN(MOD(x, 20) < 16, DATEADD(SECOND, x * 315 + 3300, @START), NULL),
       CASEWHEN(MOD(x, 20) < 16, DATEADD(SECOND, x * 315 + 3600 + MOD(x, 300), @START), NULL),
       CASEWHEN(MOD(x, 20) < 16, DATEADD(SECOND, x * 315 + 3600 + MOD(x, 300), @START), NULL),
       CASEWHEN(MOD(x, 20) < 14 AND MOD(x, 7) = 0, 1, 0), MOD(x, 20) = 14
FROM SYSTEM_RANGE(1, @N);

INSERT INTO consult_transition (consultation_id, from_state, to_state, action, actor, at)
SELECT 'bench-c-' || x, 'ASSESSED', 'SCHEDULED', 'BOOK', 'guardian.tang', DATEADD(SECOND, x * 315 + 10, @START)
FROM SYSTEM_RANGE(1, @N);
INSERT INTO consult_transition (consultation_id, from_state, to_state, action, actor, at)
SELECT 'bench-c-' || x, 'SCHEDULED', 'WAITING', 'ENTER_WAITING_ROOM', 'guardian.tang', DATEADD(SECOND, x * 315 + 3300, @START)
FROM SYSTEM_RANGE(1, @N) WHERE MOD(x, 20) < 16;
INSERT INTO consult_transition (consultation_id, from_state, to_state, action, actor, at)
SELECT 'bench-c-' || x, 'WAITING', 'IN_PROGRESS', 'ADMIT', 'dr.wang', DATEADD(SECOND, x * 315 + 3600 + MOD(x, 300), @START)
FROM SYSTEM_RANGE(1, @N) WHERE MOD(x, 20) < 16;
INSERT INTO consult_transition (consultation_id, from_state, to_state, action, actor, at)
SELECT 'bench-c-' || x, 'IN_PROGRESS', 'PAUSED', 'PAUSE', 'system', DATEADD(SECOND, x * 315 + 4000, @START)
FROM SYSTEM_RANGE(1, @N) WHERE MOD(x, 20) < 14 AND MOD(x, 7) = 0;
INSERT INTO consult_transition (consultation_id, from_state, to_state, action, actor, at)
SELECT 'bench-c-' || x, 'PAUSED', 'IN_PROGRESS', 'RESUME', 'dr.wang', DATEADD(SECOND, x * 315 + 4060, @START)
FROM SYSTEM_RANGE(1, @N) WHERE MOD(x, 20) < 14 AND MOD(x, 7) = 0;
INSERT INTO consult_transition (consultation_id, from_state, to_state, action, actor, at)
SELECT 'bench-c-' || x, 'IN_PROGRESS', 'COMPLETED', 'COMPLETE', 'dr.wang', DATEADD(SECOND, x * 315 + 3600 + 900 + MOD(x, 600), @START)
FROM SYSTEM_RANGE(1, @N) WHERE MOD(x, 20) < 14;
INSERT INTO consult_transition (consultation_id, from_state, to_state, action, actor, at)
SELECT 'bench-c-' || x, 'IN_PROGRESS', 'REFERRED', 'END_AND_REFER', 'dr.wang', DATEADD(SECOND, x * 315 + 4200, @START)
FROM SYSTEM_RANGE(1, @N) WHERE MOD(x, 20) = 14;

UPDATE consult_guardian SET city = '苏州市' WHERE username = 'guardian.tang';
