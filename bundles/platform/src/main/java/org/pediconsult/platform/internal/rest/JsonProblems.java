package org.pediconsult.platform.internal.rest;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.pediconsult.platform.api.Problem;

/**
 * Turns Jackson's input errors into problems a person can act on. The detail never quotes the
 * input value (it may be a password or patient data), only the field and what was expected.
 */
final class JsonProblems {
    private JsonProblems() {
    }

    static WebApplicationException toWebException(JsonProcessingException e) {
        Problem p = toProblem(e);
        return new WebApplicationException(e, Response.status(p.status).type(Problem.MEDIA_TYPE).entity(p).build());
    }

    static Problem toProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return new Problem(400, "malformed_json", "the request body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", null);
        }
        if (!(e instanceof JsonMappingException)) {
            return new Problem(400, "malformed_json", "the request body is not valid JSON", null);
        }
        JsonMappingException m = (JsonMappingException) e;
        String field = path(m);
        if (m instanceof UnrecognizedPropertyException) {
            return new Problem(400, "unknown_field", "unknown field '" + field + "'", field);
        }
        if (m instanceof InvalidFormatException || (m instanceof MismatchedInputException && !field.isEmpty())) {
            Class<?> target = ((MismatchedInputException) m).getTargetType();
            return new Problem(400, "invalid_type", "field '" + field + "' must be " + describe(target), field);
        }
        if (m instanceof ValueInstantiationException && m.getCause() != null) {
            return new Problem(400, "invalid_field", "field '" + field + "': " + m.getCause().getMessage(),
                    field.isEmpty() ? null : field);
        }
        if (m instanceof MismatchedInputException) {
            return new Problem(400, "body_required", "a JSON object is required as the request body", null);
        }
        return new Problem(400, "invalid_body", "the request body does not match the expected form", field.isEmpty() ? null : field);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder();
            for (Object c : type.getEnumConstants()) {
                values.append(values.length() == 0 ? "" : ", ").append(c);
            }
            return "one of " + values;
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + type.getSimpleName() + " (e.g. 2026-11-25 or 2026-11-25T08:00:00Z)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }
}
