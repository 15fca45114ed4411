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

    public Questionnaire(String version, List<Question> questions) {
        this.version = version;
        this.questions = List.copyOf(questions);
    }
}
