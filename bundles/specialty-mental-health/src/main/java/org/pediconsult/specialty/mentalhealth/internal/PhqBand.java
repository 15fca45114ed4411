package org.pediconsult.specialty.mentalhealth.internal;

import org.pediconsult.specialty.api.LocalizedText;

/**
 * The PHQ-9 severity bands (Kroenke 2001; LOINC answer list LL382-3), applied to the teen form's
 * total as GLAD-PC does. They describe symptoms, not a diagnosis: Chinese adolescent cut-offs are
 * lower (7, Chen 2024), and the physician reads the total with the interview.
 */
public enum PhqBand {
    NONE_MINIMAL(0, 4, "无或极轻微", "none-minimal"),
    MILD(5, 9, "轻度", "mild"),
    MODERATE(10, 14, "中度", "moderate"),
    MODERATELY_SEVERE(15, 19, "中重度", "moderately severe"),
    SEVERE(20, 27, "重度", "severe");

    public final int from;
    public final int to;
    public final LocalizedText label;

    PhqBand(int from, int to, String zh, String en) {
        this.from = from;
        this.to = to;
        this.label = LocalizedText.of(zh, en);
    }

    /** The band of a total 0-27. */
    public static PhqBand of(int total) {
        for (PhqBand b : values()) {
            if (total >= b.from && total <= b.to) {
                return b;
            }
        }
        throw new IllegalArgumentException("PHQ total outside 0-27: " + total);
    }
}
