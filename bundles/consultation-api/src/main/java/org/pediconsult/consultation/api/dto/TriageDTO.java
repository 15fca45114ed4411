package org.pediconsult.consultation.api.dto;

import java.util.List;

/** The stored triage of an assessment, with reasons in Chinese and English. @since 1.0 */
public class TriageDTO {
    /** REMOTE_OK, IN_PERSON or EMERGENCY. */
    public String level;
    public List<Text> reasons;
    public Text advice;
    /** How soon the child must be seen (IMMEDIATE, WITHIN_24_HOURS, WITHIN_72_HOURS, WITHIN_7_DAYS, ROUTINE) or null. @since 1.6 */
    public String urgency;
    /** Where the child is sent when not seen online, or null (REMOTE_OK). @since 1.6 */
    public Destination destination;
    /** Who answered: GUARDIAN or CHILD (null for assessments before 1.6: the guardian). @since 1.6 */
    public String respondent;
    /** The scored instruments, for the physician (removed from what a guardian is sent). @since 1.6 */
    public List<Score> scores;

    /** A kind of facility and its name. @since 1.6 */
    public static class Destination {
        /** EMERGENCY_DEPARTMENT, PEDIATRIC_OUTPATIENT, SPECIALIST_OUTPATIENT, MENTAL_HEALTH_SERVICE, PRIMARY_CARE, OTHER. */
        public String type;
        public Text facility;
    }

    /** A code in a coding system (e.g. LOINC 44261-6). @since 1.6 */
    public static class Code {
        public String code;
        public String text;
        public String system;
    }

    /** One instrument's score. @since 1.6 */
    public static class Score {
        public String id;
        public Text name;
        /** The score's code (e.g. LOINC), or null. */
        public Code code;
        public double value;
        public Double max;
        public Text interpretation;
        public int answered;
        public int items;
    }

    /** A text in both languages. */
    public static class Text {
        public String zh;
        public String en;

        public Text() {
        }

        public Text(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }
}
