package org.pediconsult.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.SectionContent.Unit;

/** How a cell or figure reads in the reader's language: the same rules for JSON, CSV and PDF. */
final class Cells {
    private Cells() {
    }

    /** A cell for JSON: numbers stay numbers, labels become text in the language. */
    static Object json(Object cell, String lang) {
        if (cell instanceof Label l) {
            return l.in(lang);
        }
        if (cell == null || cell instanceof Number || cell instanceof String) {
            return cell;
        }
        return String.valueOf(cell);
    }

    /** A cell as text (CSV, PDF): numbers without exponent, at most 2 decimals; no unit. */
    static String text(Object cell, String lang) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Label l) {
            return l.in(lang);
        }
        if (cell instanceof Number n) {
            return number(n);
        }
        return String.valueOf(cell);
    }

    static String number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        return new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A value with its unit for the PDF ("12.5%", "3.2 分钟"). */
    static String withUnit(Number value, Unit unit, String lang) {
        if (value == null) {
            return "–";
        }
        String v = number(value);
        String u = unit(unit, lang);
        if (unit == Unit.PERCENT) {
            return v + "%";
        }
        return u.isEmpty() ? v : v + " " + u;
    }

    static String unit(Unit unit, String lang) {
        boolean en = "en".equals(lang);
        return switch (unit) {
            case TEXT, COUNT, NUMBER -> "";
            case PERCENT -> "%";
            case SECONDS -> en ? "s" : "秒";
            case MINUTES -> en ? "min" : "分钟";
            case HOURS -> en ? "h" : "小时";
            case KM -> "km";
            case MS -> "ms";
            case YUAN -> en ? "CNY" : "元";
        };
    }
}
