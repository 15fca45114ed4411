package org.pediconsult.consultation.internal.service;

import java.util.List;
import java.util.Locale;

import org.pediconsult.platform.api.ProblemException;

/**
 * The identity documents a guardian may sign up with, and the check of a resident identity card's
 * number (GB 11643-1999: 17 digits and a check character, ISO 7064 MOD 11-2). Other documents are
 * checked by length and characters only; the front desk compares them with the document itself.
 */
public final class IdDocuments {
    /** 居民身份证, 护照, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 外国人永久居留身份证. */
    public static final List<String> TYPES = List.of("RESIDENT_ID", "PASSPORT", "HK_MACAO_PERMIT", "TAIWAN_PERMIT",
            "FOREIGN_PERMANENT_RESIDENT_ID");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdDocuments() {
    }

    /** The number in its normal form (upper case, no spaces), or a 400 problem naming what is wrong. */
    public static String check(String type, String value) {
        if (type == null || !TYPES.contains(type)) {
            throw ProblemException.badField("idType", "the ID document is one of " + TYPES);
        }
        String v = value == null ? "" : value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if ("RESIDENT_ID".equals(type)) {
            if (!v.matches("[0-9]{17}[0-9X]") || v.charAt(17) != checkCharacter(v)) {
                throw ProblemException.badField("idValue", "not a resident identity card number: 18 characters, the last "
                        + "a check digit or X (please check the number on the card)");
            }
            return v;
        }
        if (!v.matches("[A-Z0-9]{5,20}")) {
            throw ProblemException.badField("idValue", "the document number is 5 to 20 letters or digits");
        }
        return v;
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
