package org.pediconsult.consultation.internal.service;

import org.pediconsult.consultation.api.dto.ObservationDTO;

/**
 * Required fields and column sizes of an observation. Identifying and coded fields that do not fit
 * are refused, naming the HL7 field; descriptive texts (names, ranges) are cut to fit.
 */
final class ObservationLimits {
    private ObservationLimits() {
    }

    static void check(ObservationDTO o, int n) {
        String where = " of observation " + n;
        if (o.code == null || o.code.isBlank()) {
            throw new IllegalArgumentException("OBX-3 (observation identifier)" + where + " is required");
        }
        if (o.observedAt == null) {
            throw new IllegalArgumentException("OBX-14 (observation time, or OBR-7)" + where + " is required");
        }
        fits("OBX-3.1", o.code, 100, where);
        fits("OBX-3.3", o.codingSystem, 50, where);
        fits("OBX-3.4", o.alternateCode, 100, where);
        fits("OBX-3.6", o.alternateCodingSystem, 50, where);
        fits("OBX-4", o.subId, 100, where);
        fits("OBX-1", o.setId, 20, where);
        fits("OBX-2", o.valueType, 10, where);
        fits("OBX-5", o.value, 20000, where);
        fits("OBX-5.1", o.valueCode, 100, where);
        fits("OBX-5.3", o.valueCodingSystem, 50, where);
        fits("OBX-6", o.units, 100, where);
        fits("OBX-11", o.resultStatus, 5, where);
        fits("OBR-3", o.orderNumber, 200, where);
        fits("OBR-4.1", o.serviceCode, 100, where);
    }

    /** Cuts the descriptive texts of a copy about to be stored. */
    static void cutTexts(ObservationDTO o) {
        o.text = cut(o.text, 400);
        o.serviceText = cut(o.serviceText, 400);
        o.referenceRange = cut(o.referenceRange, 200);
        o.abnormalFlags = cut(o.abnormalFlags, 100);
        o.orderingProvider = cut(o.orderingProvider, 300);
        o.performer = cut(o.performer, 300);
    }

    private static void fits(String field, String value, int max, String where) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + where + " is longer than " + max + " characters");
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
