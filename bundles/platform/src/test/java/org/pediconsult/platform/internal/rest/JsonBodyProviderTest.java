package org.pediconsult.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.Problem;

class JsonBodyProviderTest {
    public static class Child {
        public String name;
        public LocalDate birthDate;
        public int heightCm;
        public Guardian guardian;
        public List<String> allergies;
    }

    public static class Guardian {
        public String phone;
    }

    private final JsonBodyProvider provider = new JsonBodyProvider();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(String json) throws Exception {
        return provider.readFrom((Class) Child.class, Child.class, null, MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private Problem problemOf(String json) {
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> read(json));
        return (Problem) e.getResponse().getEntity();
    }

    @Test
    void readsUtf8AndDates() throws Exception {
        Child c = (Child) read("{\"name\":\"唐小明\",\"birthDate\":\"2022-03-01\",\"heightCm\":95}");
        assertEquals("唐小明", c.name);
        assertEquals(LocalDate.of(2022, 3, 1), c.birthDate);
    }

    @Test
    void unknownNestedFieldIsNamedByPath() {
        Problem p = problemOf("{\"name\":\"a\",\"guardian\":{\"phone\":\"1\",\"email\":\"x\"}}");
        assertEquals(400, p.status);
        assertEquals("unknown_field", p.code);
        assertEquals("guardian.email", p.field);
    }

    @Test
    void wrongTypesAreNamedWithoutEchoingTheValue() {
        Problem number = problemOf("{\"heightCm\":\"ninety-five\"}");
        assertEquals("invalid_type", number.code);
        assertEquals("heightCm", number.field);
        assertFalse(number.detail.contains("ninety-five"));

        Problem text = problemOf("{\"name\":42}");
        assertEquals("name", text.field);
        assertEquals("invalid_type", text.code);

        Problem date = problemOf("{\"birthDate\":\"01/03/2022\"}");
        assertEquals("birthDate", date.field);

        Problem list = problemOf("{\"allergies\":[\"peanut\", 3]}");
        assertEquals("allergies[1]", list.field);

        Problem nullPrimitive = problemOf("{\"heightCm\":null}");
        assertEquals("heightCm", nullPrimitive.field);
    }

    @Test
    void malformedAndEmptyBodiesAreRefused() {
        assertEquals("malformed_json", problemOf("{\"name\":").code);
        assertEquals("malformed_json", problemOf("{\"name\":\"a\"} trailing").code);
        assertEquals("body_required", problemOf("").code);
    }

    /** A chunked body (no Content-Length) is cut off by the counting stream while Jackson reads it: 413, not 400. */
    @Test
    void bodyOverTheLimitWithoutContentLengthIs413() {
        StringBuilder json = new StringBuilder("{\"name\":\"");
        json.append("a".repeat(2 * 1024 * 1024)).append("\",\"heightCm\":95}");
        for (String body : List.of(json.toString(), "{\"allergies\":[" + "\"peanut\",".repeat(200_000) + "\"egg\"]}",
                "{\"guardian\":{\"phone\":\"" + "1".repeat(2 * 1024 * 1024) + "\"}}")) {
            WebApplicationException e = assertThrows(WebApplicationException.class, () -> readLimited(body, 1024 * 1024));
            Problem p = (Problem) e.getResponse().getEntity();
            assertEquals(413, e.getResponse().getStatus());
            assertEquals("body_too_large", p.code);
        }
    }

    @Test
    void bodyUnderTheLimitWithoutContentLengthIsRead() throws Exception {
        Child c = (Child) readLimited("{\"name\":\"唐小明\"}", 1024);
        assertEquals("唐小明", c.name);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object readLimited(String json, long maxBytes) throws Exception {
        return provider.readFrom((Class) Child.class, Child.class, null, MediaType.APPLICATION_JSON_TYPE, null,
                new BodySizeLimit.Limited(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), maxBytes));
    }
}
