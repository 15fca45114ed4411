package org.pediconsult.prescription.api;

/** A text in Chinese and English, as JSON {@code {zh, en}} (either may be empty). */
public final class Text {
    public String zh;
    public String en;

    public Text() {
    }

    public Text(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }
}
