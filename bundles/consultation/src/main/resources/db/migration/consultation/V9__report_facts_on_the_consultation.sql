-- What the pilot report reads of each consultation, kept on its row so that a year of a pilot is read from one
-- table without a join (the report's target: 100,000 consultations in under 2 s): the triage level of its
-- assessment, when the family entered the waiting room, when the physician admitted them, when the session first
-- started, how often it paused because the guardian left, and whether the physician ended it and referred.
-- Written with each transition from now on (ConsultationStore.insertTransition); filled here from the transitions.
ALTER TABLE consult_consultation ADD COLUMN triage_level VARCHAR(20);
ALTER TABLE consult_consultation ADD COLUMN waiting_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consult_consultation ADD COLUMN admitted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consult_consultation ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consult_consultation ADD COLUMN pause_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE consult_consultation ADD COLUMN ended_and_referred BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE consult_consultation SET
    triage_level = (SELECT a.triage_level FROM consult_assessment a WHERE a.id = consult_consultation.assessment_id),
    waiting_at = (SELECT MIN(t.at) FROM consult_transition t
                  WHERE t.consultation_id = consult_consultation.id AND t.action = 'ENTER_WAITING_ROOM'),
    admitted_at = (SELECT MIN(t.at) FROM consult_transition t
                   WHERE t.consultation_id = consult_consultation.id AND t.action = 'ADMIT'),
    started_at = (SELECT MIN(t.at) FROM consult_transition t
                  WHERE t.consultation_id = consult_consultation.id AND t.to_state = 'IN_PROGRESS'),
    pause_count = (SELECT COUNT(*) FROM consult_transition t
                   WHERE t.consultation_id = consult_consultation.id AND t.to_state = 'PAUSED'),
    ended_and_referred = (SELECT COUNT(*) FROM consult_transition t
                          WHERE t.consultation_id = consult_consultation.id AND t.action = 'END_AND_REFER') > 0,
    completed_at = COALESCE(completed_at, (SELECT MIN(t.at) FROM consult_transition t
                   WHERE t.consultation_id = consult_consultation.id AND t.to_state = 'COMPLETED'));
