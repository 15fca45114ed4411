package org.pediconsult.specialty.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When a question is asked: a test of earlier answers in the same list of questions (the top level,
 * or the same entry of a GROUP_LIST). A question whose condition is false is not shown, must not be
 * answered, and is not required. A test of a question that is itself not asked is false.
 *
 * <p>Operators: EQUALS (the answer equals the one value: a string, number or boolean), ANY_OF (the
 * answer, or one of a MULTI_CHOICE's values, is one of the values), AT_LEAST and AT_MOST (a number
 * answer against the one value), ANSWERED (any answer); EITHER and ALL combine the
 * {@link #conditions} (then {@link #question} is null).
 *
 * @param question the id of the earlier question (null for EITHER and ALL)
 * @param operator the test
 * @param values the operand(s): one for EQUALS, AT_LEAST and AT_MOST, any number for ANY_OF, none otherwise
 * @param conditions the combined conditions of EITHER and ALL, else empty
 * @since 1.4
 */
public record Condition(String question, Operator operator, List<Object> values, List<Condition> conditions) {
    /** The tests. */
    public enum Operator { EQUALS, ANY_OF, AT_LEAST, AT_MOST, ANSWERED, EITHER, ALL }

    public Condition {
        Objects.requireNonNull(operator, "operator");
        values = values == null ? List.of() : List.copyOf(values);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        boolean combined = operator == Operator.EITHER || operator == Operator.ALL;
        if (combined ? conditions.isEmpty() : question == null) {
            throw new IllegalArgumentException(combined ? operator + " needs conditions" : operator + " needs a question");
        }
        if (!combined && (operator == Operator.EQUALS || operator == Operator.AT_LEAST || operator == Operator.AT_MOST)
                && values.size() != 1) {
            throw new IllegalArgumentException(operator + " needs exactly one value");
        }
        if ((operator == Operator.AT_LEAST || operator == Operator.AT_MOST) && !(values.get(0) instanceof Number)) {
            throw new IllegalArgumentException(operator + " needs a number");
        }
    }

    public static Condition equalTo(String question, Object value) {
        return new Condition(question, Operator.EQUALS, List.of(value), null);
    }

    public static Condition anyOf(String question, Object... values) {
        return new Condition(question, Operator.ANY_OF, List.of(values), null);
    }

    public static Condition atLeast(String question, double value) {
        return new Condition(question, Operator.AT_LEAST, List.of(value), null);
    }

    public static Condition atMost(String question, double value) {
        return new Condition(question, Operator.AT_MOST, List.of(value), null);
    }

    public static Condition answered(String question) {
        return new Condition(question, Operator.ANSWERED, List.of(), null);
    }

    /** Holds when any of the conditions holds. */
    public static Condition either(Condition... conditions) {
        return new Condition(null, Operator.EITHER, List.of(), List.of(conditions));
    }

    /** Holds when all of the conditions hold. */
    public static Condition all(Condition... conditions) {
        return new Condition(null, Operator.ALL, List.of(), List.of(conditions));
    }

    /** The ids of the questions this condition reads. */
    public java.util.Set<String> questions() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (question != null) {
            out.add(question);
        }
        for (Condition c : conditions) {
            out.addAll(c.questions());
        }
        return out;
    }

    /** Whether the condition holds for these answers (JSON values as Java), every question counted as asked. */
    public boolean test(Map<?, ?> answers) {
        return test(answers, id -> true);
    }

    /** Whether the condition holds for these answers; a test of a question for which {@code asked} is false fails. */
    public boolean test(Map<?, ?> answers, Predicate<String> asked) {
        switch (operator) {
            case EITHER:
                return conditions.stream().anyMatch(c -> c.test(answers, asked));
            case ALL:
                return conditions.stream().allMatch(c -> c.test(answers, asked));
            default:
                break;
        }
        Object answer = answers.get(question);
        if (answer == null || !asked.test(question)) {
            return false;
        }
        switch (operator) {
            case ANSWERED:
                return true;
            case EQUALS:
                return same(answer, values.get(0));
            case ANY_OF:
                if (answer instanceof List) {
                    return ((List<?>) answer).stream().anyMatch(a -> values.stream().anyMatch(v -> same(a, v)));
                }
                return values.stream().anyMatch(v -> same(answer, v));
            case AT_LEAST:
                return answer instanceof Number && values.get(0) instanceof Number
                        && ((Number) answer).doubleValue() >= ((Number) values.get(0)).doubleValue();
            case AT_MOST:
                return answer instanceof Number && values.get(0) instanceof Number
                        && ((Number) answer).doubleValue() <= ((Number) values.get(0)).doubleValue();
            default:
                return false;
        }
    }

    private static boolean same(Object answer, Object value) {
        if (answer instanceof Number && value instanceof Number) {
            return ((Number) answer).doubleValue() == ((Number) value).doubleValue();
        }
        return answer.equals(value);
    }
}
