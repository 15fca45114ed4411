package org.pediconsult.specialty.api;

/**
 * A code in a coding system, as HL7 CE/CWE carries it.
 *
 * @since 1.0
 */
public final class CodedValue {
    public final String code;
    public final String text;
    public final String codingSystem;

    public CodedValue(String code, String text, String codingSystem) {
        this.code = code;
        this.text = text;
        this.codingSystem = codingSystem;
    }
}
