package org.pediconsult.specialty.api;

import java.util.Objects;

/**
 * Text in Chinese and English.
 *
 * @since 1.0
 */
public final class LocalizedText {
    public final String zh;
    public final String en;

    public LocalizedText(String zh, String en) {
        this.zh = Objects.requireNonNull(zh, "zh");
        this.en = Objects.requireNonNull(en, "en");
    }

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalizedText && zh.equals(((LocalizedText) o).zh) && en.equals(((LocalizedText) o).en);
    }

    @Override
    public int hashCode() {
        return zh.hashCode() * 31 + en.hashCode();
    }

    @Override
    public String toString() {
        return en + " / " + zh;
    }
}
