package org.pediconsult.prescription.api;

/**
 * Why a pharmacist rejected a prescription, by the categories of a pharmacist's prescription review
 * (the review points of China's 2018 norms for prescription review, 医疗机构处方审核规范, grouped): what
 * the pilot report counts rejections by. The pharmacist's free-text reason explains the case; the
 * category is what is counted.
 *
 * @since 1.1
 */
public enum RejectionCategory {
    INDICATION("适应症不适宜", "Indication not appropriate"),
    DOSE("用法、用量不适宜", "Dose or frequency not appropriate"),
    FORM_ROUTE("剂型或给药途径不适宜", "Dosage form or route not appropriate"),
    DUPLICATE("重复给药", "Duplicate therapy"),
    INTERACTION("相互作用或配伍禁忌", "Interaction or incompatibility"),
    CONTRAINDICATION("禁忌症或过敏", "Contraindication or allergy"),
    AGE_WEIGHT("儿童年龄或体重不适宜", "Not appropriate for the child's age or weight"),
    QUANTITY_DURATION("数量或疗程不适宜", "Quantity or duration not appropriate"),
    WRITING("处方书写不规范", "Prescription incomplete or not written to standard"),
    OTHER("其他", "Other");

    private final String zh;
    private final String en;

    RejectionCategory(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public Text label() {
        return Text.of(zh, en);
    }
}
