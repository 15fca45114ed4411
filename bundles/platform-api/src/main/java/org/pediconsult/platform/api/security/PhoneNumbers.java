package org.pediconsult.platform.api.security;

import java.util.regex.Pattern;

/**
 * Mobile numbers as login names and code recipients: spaces, hyphens and brackets dropped; a
 * mainland China mobile number (11 digits, starting 13-19), with or without {@code +86}, becomes its 11
 * digits; any other number must be international ({@code +} and 8 to 15 digits).
 *
 * @since 1.3
 */
public final class PhoneNumbers {
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private PhoneNumbers() {
    }

    /** The number in its normal form, or a 400 problem on the field {@code phone} when it is not a mobile number. */
    public static String require(String raw) {
        String phone = normalise(raw);
        if (phone == null) {
            throw org.pediconsult.platform.api.ProblemException.badField("phone",
                    "not a mobile number: 11 digits (mainland China) or + and 8 to 15 digits");
        }
        return phone;
    }

    /** The number in its normal form, or null when it is not a mobile number we can send to. */
    public static String normalise(String raw) {
        if (raw == null || raw.length() > 40) {
            return null;
        }
        String s = raw.replaceAll("[\\s()\\-]", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        }
        if (CN_MOBILE.matcher(s).matches()) {
            return s;
        }
        return INTERNATIONAL.matcher(s).matches() ? s : null;
    }
}
