package org.pediconsult.prescription.internal.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionItem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The canonical form of a prescription's content, what the physician signs: JSON with the keys sorted
 * at every level, no insignificant whitespace, UTF-8, dates as ISO-8601 strings, absent values left out.
 * It holds everything a pharmacist acts on (who, for whom, each item's drug, dose, unit, frequency,
 * duration, quantity, route, sites and instructions, validity) and nothing that changes after signing
 * (review, dispensing).
 */
public final class CanonicalContent {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalContent() {
    }

    /** The content of {@code p} as signed, with {@code signedAt} and {@code validUntil} (ISO-8601 instants). */
    public static String of(PrescriptionDTO p, String physicianLicence) {
        Map<String, Object> m = new TreeMap<>();
        m.put("prescriptionId", p.id);
        m.put("version", p.version);
        put(m, "previousId", p.previousId);
        m.put("consultationId", p.consultationId);
        m.put("childId", p.childId);
        put(m, "childBirthDate", p.childBirthDate == null ? null : p.childBirthDate.toString());
        put(m, "childSex", p.childSex);
        put(m, "weightKg", p.weightKg);
        put(m, "weightDate", p.weightDate == null ? null : p.weightDate.toString());
        m.put("specialtyId", p.specialtyId);
        m.put("physician", p.physician);
        put(m, "physicianLicence", physicianLicence);
        m.put("emergency", p.emergency);
        put(m, "chronicReason", p.chronicReason);
        put(m, "diagnosis", p.diagnosis);
        put(m, "allergies", p.allergies);
        List<Map<String, Object>> items = new ArrayList<>();
        for (PrescriptionItem i : p.items) {
            Map<String, Object> it = new TreeMap<>();
            it.put("code", i.code);
            put(it, "nameZh", i.name == null ? null : i.name.zh);
            put(it, "nameEn", i.name == null ? null : i.name.en);
            put(it, "ingredient", i.ingredient);
            put(it, "form", i.form);
            put(it, "route", i.route == null ? null : i.route.name());
            put(it, "dose", i.dose);
            put(it, "unit", i.unit == null ? null : i.unit.name());
            put(it, "frequency", i.frequency);
            put(it, "durationDays", i.durationDays);
            put(it, "quantity", i.quantity);
            put(it, "quantityUnit", i.quantityUnit);
            put(it, "sites", i.sites == null || i.sites.isEmpty() ? null : i.sites.stream().map(Enum::name).sorted().toList());
            put(it, "instructionsZh", i.instructions == null ? null : i.instructions.zh);
            put(it, "instructionsEn", i.instructions == null ? null : i.instructions.en);
            items.add(it);
        }
        m.put("items", items);
        m.put("signedAt", p.signedAt.toString());
        m.put("validUntil", p.validUntil.toString());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a prescription's content cannot be written as JSON", e);
        }
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
