package org.pediconsult.platform.api.report;

import java.util.Objects;

/**
 * A text of the report in Chinese and English; rendered in the reader's language ({@code zh} unless
 * {@code en} is asked for). Used for titles, column headings, figure names, notes and text cells
 * whose value is a code with a human name (a triage level, a rule, a specialty).
 */
public record Label(String zh, String en) {
    public Label {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public static Label of(String zh, String en) {
        return new Label(zh, en);
    }

    /** The same text in both languages (a code, a name that has no translation). */
    public static Label plain(String text) {
        return new Label(text, text);
    }

    /** {@code en} for "en" or any "en-..." language tag, {@code zh} otherwise. */
    public String in(String language) {
        return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? en : zh;
    }
}
