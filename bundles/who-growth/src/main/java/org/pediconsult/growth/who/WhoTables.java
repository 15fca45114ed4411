package org.pediconsult.growth.who;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Loads the WHO LMS tables shipped in this bundle (resources beside this class, see PROVENANCE.md) and
 * wires them into the indicator references. Resource loading goes through this bundle's own class
 * loader, so it works unchanged inside OSGi and on a plain classpath.
 */
final class WhoTables {

    /** WHO 2007 weight-for-age ends at 10 years (WHO anthroplus). */
    static final double WFA_2007_MAX_MONTHS = 120.0;
    /** WHO 2007 height- and BMI-for-age end at 19 years (WHO anthroplus). */
    static final double HFA_BFA_2007_MAX_MONTHS = 228.0;

    private WhoTables() {
    }

    /** Reads all tables and builds the WHO growth standards. */
    static GrowthStandards load() {
        LmsTable wei = table("who2006/weianthro.txt", "age");
        LmsTable len = table("who2006/lenanthro.txt", "age");
        LmsTable bmi = table("who2006/bmianthro.txt", "age");
        LmsTable hc = table("who2006/hcanthro.txt", "age");
        LmsTable ac = table("who2006/acanthro.txt", "age");
        LmsTable wfl = table("who2006/wflanthro.txt", "length");
        LmsTable wfh = table("who2006/wfhanthro.txt", "height");
        LmsTable wfa07 = table("who2007/wfawho2007.txt", "age");
        LmsTable hfa07 = table("who2007/hfawho2007.txt", "age");
        LmsTable bfa07 = table("who2007/bfawho2007.txt", "age");

        Sex any = Sex.MALE;
        Map<Indicator, AgeReference> byAge = new EnumMap<>(Indicator.class);
        byAge.put(Indicator.WEIGHT_FOR_AGE, AgeReference.who2006Then2007(wei, wfa07, WFA_2007_MAX_MONTHS, any));
        byAge.put(Indicator.LENGTH_HEIGHT_FOR_AGE,
            AgeReference.who2006Then2007(len, hfa07, HFA_BFA_2007_MAX_MONTHS, any));
        byAge.put(Indicator.BMI_FOR_AGE, AgeReference.who2006Then2007(bmi, bfa07, HFA_BFA_2007_MAX_MONTHS, any));
        byAge.put(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, AgeReference.who2006Only(hc, any));
        byAge.put(Indicator.ARM_CIRCUMFERENCE_FOR_AGE, AgeReference.who2006Only(ac, any));
        return new GrowthStandards(byAge, new LengthHeightReference(wfl, wfh));
    }

    private static LmsTable table(String resource, String xColumn) {
        try (InputStream in = WhoTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("WHO table missing from the bundle: " + resource);
            }
            return LmsTable.parse(resource, in, xColumn);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close WHO table " + resource, e);
        }
    }
}
