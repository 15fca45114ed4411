package org.pediconsult.consultation.internal.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.pediconsult.platform.api.Problem.FieldError;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Questionnaire;

/**
 * Checks answers against a specialty's questionnaire: every required answer present, each of the
 * right type and within bounds and options, no unknown ids. Reports every bad field, by path
 * ({@code answers.measurements[1].heightCm}), never quoting the value.
 */
public final class QuestionnaireValidator {
    private static final java.util.regex.Pattern PHOTO_ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");

    public List<FieldError> validate(Questionnaire questionnaire, Map<String, Object> answers) {
        List<FieldError> errors = new ArrayList<>();
        check(questionnaire.questions, answers == null ? Map.of() : answers, "answers", errors);
        return errors;
    }

    private void check(List<Question> questions, Map<String, Object> answers, String path, List<FieldError> errors) {
        Set<String> known = questions.stream().map(q -> q.id).collect(Collectors.toSet());
        for (String id : answers.keySet()) {
            if (!known.contains(id)) {
                errors.add(new FieldError(path + "." + id, "is not a question of this questionnaire"));
            }
        }
        for (Question q : questions) {
            Object value = answers.get(q.id);
            String field = path + "." + q.id;
            if (value == null) {
                if (q.required) {
                    errors.add(new FieldError(field, "is required"));
                }
                continue;
            }
            String problem = problem(q, value, field, errors);
            if (problem != null) {
                errors.add(new FieldError(field, problem));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private String problem(Question q, Object value, String field, List<FieldError> errors) {
        switch (q.type) {
            case TEXT:
                if (!(value instanceof String)) {
                    return "must be text";
                }
                return q.max != null && ((String) value).length() > q.max ? "must be at most " + q.max.intValue()
                        + " characters" : null;
            case NUMBER:
            case INTEGER:
                if (!(value instanceof Number)) {
                    return "must be a number";
                }
                double d = ((Number) value).doubleValue();
                if (q.type == Question.Type.INTEGER && d != Math.rint(d)) {
                    return "must be a whole number";
                }
                if ((q.min != null && d < q.min) || (q.max != null && d > q.max)) {
                    return "must be between " + fmt(q.min) + " and " + fmt(q.max) + (q.unit == null ? "" : " " + q.unit);
                }
                return null;
            case BOOLEAN:
                return value instanceof Boolean ? null : "must be true or false";
            case DATE:
                try {
                    LocalDate.parse(String.valueOf(value));
                    return value instanceof String ? null : "must be a date (yyyy-MM-dd)";
                } catch (DateTimeParseException e) {
                    return "must be a date (yyyy-MM-dd)";
                }
            case CHOICE:
                return options(q).contains(value) ? null : "must be one of " + options(q);
            case MULTI_CHOICE:
                if (!(value instanceof List)) {
                    return "must be a list of " + options(q);
                }
                for (Object v : (List<Object>) value) {
                    if (!options(q).contains(v)) {
                        return "must contain only " + options(q);
                    }
                }
                return null;
            case GROUP_LIST:
                if (!(value instanceof List)) {
                    return "must be a list";
                }
                List<Object> entries = (List<Object>) value;
                for (int i = 0; i < entries.size(); i++) {
                    if (!(entries.get(i) instanceof Map)) {
                        errors.add(new FieldError(field + "[" + i + "]", "must be an object"));
                    } else {
                        check(q.items, (Map<String, Object>) entries.get(i), field + "[" + i + "]", errors);
                    }
                }
                return null;
            case PHOTOS:
                if (!(value instanceof List)) {
                    return "must be a list of photo ids";
                }
                List<Object> ids = (List<Object>) value;
                if (q.max != null && ids.size() > q.max) {
                    return "must have at most " + q.max.intValue() + " photos";
                }
                for (Object id : ids) {
                    if (!(id instanceof String) || !PHOTO_ID.matcher((String) id).matches()) {
                        return "must contain only photo ids from the upload";
                    }
                }
                return null;
            default:
                return "has an unsupported question type";
        }
    }

    private static List<String> options(Question q) {
        return q.options.stream().map(o -> o.value).collect(Collectors.toList());
    }

    private static String fmt(Double d) {
        if (d == null) {
            return "any";
        }
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
