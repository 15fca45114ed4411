package org.pediconsult.pharmacy.internal.dispense;

/** A dispense that cannot be recorded, naming the field at fault ({@code prescriptionId}, {@code items[1].expiry}...). */
public class DispenseRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    public DispenseRefused(String message, String field) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
