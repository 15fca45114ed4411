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
 * right type and within bounds and options, no unknown ids; since SPI 1.4, only the questions asked
 * of this child (age band, condition on earlier answers): a question not asked is not required and
 * its answer is refused. Reports every bad field, by path ({@code answers.measurements[1].heightCm}),
 * in English and Chinese, never quoting the value.
 */
public final class QuestionnaireValidator {
    private static final java.util.regex.Pattern PHOTO_ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** @param ageInMonths the child's completed months on the assessment day (age bands are checked against it) */
    public List<FieldError> validate(Questionnaire questionnaire, Map<String, Object> answers, int ageInMonths) {
        List<FieldError> errors = new ArrayList<>();
        check(questionnaire.questions, answers == null ? Map.of() : answers, "answers", errors, ageInMonths);
        return errors;
    }

    private void check(List<Question> questions, Map<String, Object> answers, String path, List<FieldError> errors,
                       int age) {
        Set<String> known = questions.stream().map(q -> q.id).collect(Collectors.toSet());
        for (String id : answers.keySet()) {
            if (!known.contains(id)) {
                errors.add(new FieldError(path + "." + id, "is not a question of this questionnaire", "不是本问卷的问题"));
            }
        }
        for (Question q : questions) {
            Object value = answers.get(q.id);
            String field = path + "." + q.id;
            if (!q.askedOf(age, answers, questions)) {
                if (value != null) {
                    errors.add(q.forAge(age) ? new FieldError(field, "is not asked with these answers: leave it out",
                            "根据前面的回答不需回答此题，请勿填写")
                            : new FieldError(field, "is not asked at this child's age: leave it out",
                            "此题不适用于该年龄的儿童，请勿填写"));
                }
                continue;
            }
            if (value == null) {
                if (q.required) {
                    errors.add(new FieldError(field, "is required", "必填"));
                }
                continue;
            }
            String[] problem = problem(q, value, field, errors, age);
            if (problem != null) {
                errors.add(new FieldError(field, problem[0], problem[1]));
            }
        }
    }

    /** The problem in English and Chinese, or null. */
    @SuppressWarnings("unchecked")
    private String[] problem(Question q, Object value, String field, List<FieldError> errors, int age) {
        switch (q.type) {
            case TEXT:
                if (!(value instanceof String)) {
                    return says("must be text", "必须是文字");
                }
                return q.max != null && ((String) value).length() > q.max ? says("must be at most " + q.max.intValue()
                        + " characters", "最多" + q.max.intValue() + "个字") : null;
            case NUMBER:
            case INTEGER:
                if (!(value instanceof Number)) {
                    return says("must be a number", "必须是数字");
                }
                double d = ((Number) value).doubleValue();
                if (q.type == Question.Type.INTEGER && d != Math.rint(d)) {
                    return says("must be a whole number", "必须是整数");
                }
                if ((q.min != null && d < q.min) || (q.max != null && d > q.max)) {
                    String unit = q.unit == null ? "" : " " + q.unit;
                    return says("must be between " + fmt(q.min) + " and " + fmt(q.max) + unit,
                            "必须在" + fmt(q.min) + "至" + fmt(q.max) + unit + "之间");
                }
                return null;
            case BOOLEAN:
                return value instanceof Boolean ? null : says("must be true or false", "必须回答是或否");
            case DATE:
                try {
                    LocalDate.parse(String.valueOf(value));
                    return value instanceof String ? null : says("must be a date (yyyy-MM-dd)", "必须是日期（年-月-日）");
                } catch (DateTimeParseException e) {
                    return says("must be a date (yyyy-MM-dd)", "必须是日期（年-月-日）");
                }
            case CHOICE:
                return options(q).contains(value) ? null : says("must be one of " + options(q), "必须是所列选项之一");
            case MULTI_CHOICE:
                if (!(value instanceof List)) {
                    return says("must be a list of " + options(q), "必须是所列选项");
                }
                for (Object v : (List<Object>) value) {
                    if (!options(q).contains(v)) {
                        return says("must contain only " + options(q), "只能包含所列选项");
                    }
                }
                return null;
            case GROUP_LIST:
                if (!(value instanceof List)) {
                    return says("must be a list", "必须是列表");
                }
                List<Object> entries = (List<Object>) value;
                for (int i = 0; i < entries.size(); i++) {
                    if (!(entries.get(i) instanceof Map)) {
                        errors.add(new FieldError(field + "[" + i + "]", "must be an object", "格式不正确"));
                    } else {
                        check(q.items, (Map<String, Object>) entries.get(i), field + "[" + i + "]", errors, age);
                    }
                }
                return null;
            case PHOTOS:
                if (!(value instanceof List)) {
                    return says("must be a list of photo ids", "必须是已上传照片的列表");
                }
                List<Object> ids = (List<Object>) value;
                if (q.max != null && ids.size() > q.max) {
                    return says("must have at most " + q.max.intValue() + " photos", "最多" + q.max.intValue() + "张照片");
                }
                for (Object id : ids) {
                    if (!(id instanceof String) || !PHOTO_ID.matcher((String) id).matches()) {
                        return says("must contain only photo ids from the upload", "只能包含已上传的照片");
                    }
                }
                return null;
            default:
                return says("has an unsupported question type", "题型不受支持");
        }
    }

    private static String[] says(String en, String zh) {
        return new String[] {en, zh};
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
