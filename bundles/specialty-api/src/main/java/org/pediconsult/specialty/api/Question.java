package org.pediconsult.specialty.api;

import java.util.Collections;
import java.util.List;

/**
 * One question of a questionnaire: enough for a UI to render it and for the server to validate the
 * answer. Answers are JSON values keyed by {@link #id}: a string for TEXT, DATE (ISO yyyy-MM-dd) and
 * CHOICE (one option value), a number for NUMBER and INTEGER, true/false for BOOLEAN, an array of
 * option values for MULTI_CHOICE, an array of objects for GROUP_LIST (each validated against
 * {@link #items}), and an array of photo ids for PHOTOS (ids the specialty's own upload endpoint
 * answered; at most {@link #max} of them).
 *
 * @since 1.0
 */
public final class Question {
    /** Answer types. */
    public enum Type {
        TEXT, NUMBER, INTEGER, BOOLEAN, DATE, CHOICE, MULTI_CHOICE, GROUP_LIST,
        /** @since 1.1 */
        PHOTOS
    }

    public final String id;
    public final Type type;
    public final LocalizedText label;
    public final boolean required;
    /** Inclusive bounds for NUMBER and INTEGER (null: none); for TEXT, max is the longest length. */
    public final Double min;
    public final Double max;
    /** Unit shown next to a number, e.g. {@code cm}, {@code kg}, {@code mm}. */
    public final String unit;
    public final List<Option> options;
    /** Sub-questions of each entry of a GROUP_LIST (e.g. a dated measurement). */
    public final List<Question> items;

    public Question(String id, Type type, LocalizedText label, boolean required, Double min, Double max, String unit,
                    List<Option> options, List<Question> items) {
        this.id = id;
        this.type = type;
        this.label = label;
        this.required = required;
        this.min = min;
        this.max = max;
        this.unit = unit;
        this.options = options == null ? Collections.emptyList() : List.copyOf(options);
        this.items = items == null ? Collections.emptyList() : List.copyOf(items);
    }

    public static Question text(String id, LocalizedText label, boolean required, int maxLength) {
        return new Question(id, Type.TEXT, label, required, null, (double) maxLength, null, null, null);
    }

    public static Question number(String id, LocalizedText label, boolean required, double min, double max, String unit) {
        return new Question(id, Type.NUMBER, label, required, min, max, unit, null, null);
    }

    public static Question integer(String id, LocalizedText label, boolean required, int min, int max, String unit) {
        return new Question(id, Type.INTEGER, label, required, (double) min, (double) max, unit, null, null);
    }

    public static Question yesNo(String id, LocalizedText label, boolean required) {
        return new Question(id, Type.BOOLEAN, label, required, null, null, null, null, null);
    }

    public static Question date(String id, LocalizedText label, boolean required) {
        return new Question(id, Type.DATE, label, required, null, null, null, null, null);
    }

    public static Question choice(String id, LocalizedText label, boolean required, List<Option> options) {
        return new Question(id, Type.CHOICE, label, required, null, null, null, options, null);
    }

    public static Question multiChoice(String id, LocalizedText label, boolean required, List<Option> options) {
        return new Question(id, Type.MULTI_CHOICE, label, required, null, null, null, options, null);
    }

    public static Question groupList(String id, LocalizedText label, boolean required, List<Question> items) {
        return new Question(id, Type.GROUP_LIST, label, required, null, null, null, null, items);
    }

    /**
     * Photos uploaded beforehand through the specialty's own endpoint, answered as their ids.
     *
     * @since 1.1
     */
    public static Question photos(String id, LocalizedText label, boolean required, int maxCount) {
        return new Question(id, Type.PHOTOS, label, required, null, (double) maxCount, null, null, null);
    }

    /** One allowed value of a CHOICE or MULTI_CHOICE question. */
    public static final class Option {
        public final String value;
        public final LocalizedText label;

        public Option(String value, LocalizedText label) {
            this.value = value;
            this.label = label;
        }
    }
}
