package org.pediconsult.consultation.api.dto;

import java.util.List;

/** The stored triage of an assessment, with reasons in Chinese and English. @since 1.0 */
public class TriageDTO {
    /** REMOTE_OK, IN_PERSON or EMERGENCY. */
    public String level;
    public List<Text> reasons;
    public Text advice;

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
