package org.pediconsult.specialty.api;

import java.util.List;

/**
 * A specialty's pre-consultation questionnaire: an ordered list of questions. The consultation
 * bundle validates submitted answers against it (required, type, bounds, options, no unknown ids)
 * and answers 400 naming each bad field.
 *
 * @since 1.0
 */
public final class Questionnaire {
    public final String version;
    public final List<Question> questions;

    /**
     * @throws IllegalArgumentException (since 1.4) when a question's condition names a question that is not
     *     an earlier one of the same list (the top level, or the same GROUP_LIST's items): such a question
     *     would never be asked
     */
    public Questionnaire(String version, List<Question> questions) {
        this.version = version;
        this.questions = List.copyOf(questions);
        checkConditions(this.questions, "questionnaire");
    }

    private static void checkConditions(List<Question> list, String where) {
        java.util.Set<String> earlier = new java.util.HashSet<>();
        for (Question q : list) {
            if (q.shownWhen != null) {
                for (String id : q.shownWhen.questions()) {
                    if (!earlier.contains(id)) {
                        throw new IllegalArgumentException("question " + q.id + " of the " + where + " is shown when '"
                                + id + "' is answered, which is not an earlier question of the same list");
                    }
                }
            }
            if (!q.items.isEmpty()) {
                checkConditions(q.items, "group " + q.id);
            }
            earlier.add(q.id);
        }
    }
}
