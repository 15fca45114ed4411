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
 * <p>Since 1.4 a question may carry a {@link #code} (e.g. LOINC), {@link #help} text, an age band
 * ({@link #minAgeMonths} inclusive to {@link #maxAgeMonths} exclusive) and a condition
 * ({@link #shownWhen}); set them with the {@code with...} methods, which return a copy. A question not
 * asked of this child ({@link #askedOf}) is not shown, not required, and refused if answered.
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
    /** The item's code, e.g. LOINC {@code 44250-9}; null when none. @since 1.4 */
    public final CodedValue code;
    /** Help shown under the question; null when none. @since 1.4 */
    public final LocalizedText help;
    /** Asked of children at least this many completed months old; null: no lower bound. @since 1.4 */
    public final Integer minAgeMonths;
    /** Asked of children younger than this many completed months; null: no upper bound. @since 1.4 */
    public final Integer maxAgeMonths;
    /** Asked only when this holds for the earlier answers; null: always. @since 1.4 */
    public final Condition shownWhen;

    public Question(String id, Type type, LocalizedText label, boolean required, Double min, Double max, String unit,
                    List<Option> options, List<Question> items) {
        this(id, type, label, required, min, max, unit, options, items, null, null, null, null, null);
    }

    private Question(String id, Type type, LocalizedText label, boolean required, Double min, Double max, String unit,
                     List<Option> options, List<Question> items, CodedValue code, LocalizedText help,
                     Integer minAgeMonths, Integer maxAgeMonths, Condition shownWhen) {
        this.id = id;
        this.type = type;
        this.label = label;
        this.required = required;
        this.min = min;
        this.max = max;
        this.unit = unit;
        this.options = options == null ? Collections.emptyList() : List.copyOf(options);
        this.items = items == null ? Collections.emptyList() : List.copyOf(items);
        if (minAgeMonths != null && maxAgeMonths != null && minAgeMonths >= maxAgeMonths) {
            throw new IllegalArgumentException("question " + id + ": age band " + minAgeMonths + ".." + maxAgeMonths
                    + " months is empty");
        }
        if (shownWhen != null && shownWhen.questions().contains(id)) {
            throw new IllegalArgumentException("question " + id + " cannot be conditional on itself");
        }
        this.code = code;
        this.help = help;
        this.minAgeMonths = minAgeMonths;
        this.maxAgeMonths = maxAgeMonths;
        this.shownWhen = shownWhen;
    }

    /** A copy with this item code. @since 1.4 */
    public Question withCode(CodedValue code) {
        return new Question(id, type, label, required, min, max, unit, options, items, code, help, minAgeMonths,
                maxAgeMonths, shownWhen);
    }

    /** A copy with this help text. @since 1.4 */
    public Question withHelp(LocalizedText help) {
        return new Question(id, type, label, required, min, max, unit, options, items, code, help, minAgeMonths,
                maxAgeMonths, shownWhen);
    }

    /**
     * A copy asked only of children from {@code fromMonths} (inclusive) to {@code toMonths} (exclusive)
     * completed months of age; either may be null for no bound. @since 1.4
     */
    public Question forAgeMonths(Integer fromMonths, Integer toMonths) {
        return new Question(id, type, label, required, min, max, unit, options, items, code, help, fromMonths,
                toMonths, shownWhen);
    }

    /** A copy asked only when {@code condition} holds. @since 1.4 */
    public Question shownWhen(Condition condition) {
        return new Question(id, type, label, required, min, max, unit, options, items, code, help, minAgeMonths,
                maxAgeMonths, condition);
    }

    /** Whether the age band includes a child of this many completed months. @since 1.4 */
    public boolean forAge(int ageInMonths) {
        return (minAgeMonths == null || ageInMonths >= minAgeMonths)
                && (maxAgeMonths == null || ageInMonths < maxAgeMonths);
    }

    /**
     * Whether this question is asked of a child of this age given the other answers of its list
     * ({@code siblings}: the questions of the same level): in its age band, and its condition (if any)
     * holds on answers to questions that are themselves asked. The platform validates with it; a
     * specialty may use it to read only asked answers. A condition naming a later question, or a
     * cycle, is false. @since 1.4
     */
    public boolean askedOf(int ageInMonths, java.util.Map<?, ?> answers, List<Question> siblings) {
        return askedOf(ageInMonths, answers, siblings, new java.util.HashSet<>());
    }

    private boolean askedOf(int ageInMonths, java.util.Map<?, ?> answers, List<Question> siblings,
                            java.util.Set<String> visiting) {
        if (!forAge(ageInMonths)) {
            return false;
        }
        if (shownWhen == null) {
            return true;
        }
        if (!visiting.add(id)) {
            return false;
        }
        int self = siblings.indexOf(this);
        boolean holds = shownWhen.test(answers, other -> {
            for (int i = 0; i < siblings.size(); i++) {
                Question q = siblings.get(i);
                if (q.id.equals(other)) {
                    return self >= 0 && i < self && q.askedOf(ageInMonths, answers, siblings, visiting);
                }
            }
            return false;
        });
        visiting.remove(id);
        return holds;
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
