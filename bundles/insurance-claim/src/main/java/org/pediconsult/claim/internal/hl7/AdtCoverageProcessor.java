package org.pediconsult.claim.internal.hl7;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.claim.api.CoverageDTO;
import org.pediconsult.claim.internal.store.ClaimStore;
import org.pediconsult.hl7.api.Hl7InboundProcessor;
import org.pediconsult.platform.api.data.Tx;

/**
 * A child's coverage from the HIS (issue 16): ADT A04/A08/A28/A31 with IN1, as an "also" processor
 * ({@link Hl7InboundProcessor#ALSO}): the bridge registers the patient, then this saves the coverage of
 * each child id it found, upserted by child (idempotent; a resend or reprocessing writes the same row).
 *
 * <p>From the first IN1 (the first INSURANCE group; the bridge parses A04/A08 as v2.5.1 ADT_A01 and
 * A28/A31 as ADT_A05, the Terser's {@code /.IN1} finds it in both): IN1-2 plan (CWE identifier, else its
 * text), IN1-3 company id (CX-1; also the payer id, which selects the insurer adapter; IN1-4 company name
 * when IN1-3 is empty), IN1-12/13 plan effective/expiration dates, IN1-16 insured's name (subscriber),
 * IN1-17 relationship (table 0063 code), IN1-36 policy number, IN1-49 insured's id (CX-1) whose assigning
 * authority (CX-4-1) is taken as the pooling region (e.g. a city's code). Source {@code hl7:<channel>}.
 *
 * <p>Tolerant: a message without IN1 (optional) or without payer saves nothing; an unreadable date is left
 * empty; texts are cut to the lengths the coverage form accepts. It refuses nothing.
 */
@Component(service = Hl7InboundProcessor.class, property = {
        Hl7InboundProcessor.MESSAGE_TYPES + "=ADT^A04,ADT^A08,ADT^A28,ADT^A31",
        Hl7InboundProcessor.ALSO + ":Boolean=true"})
public class AdtCoverageProcessor implements Hl7InboundProcessor {
    private final ClaimStore store = new ClaimStore();
    private final Tx tx;
    private final Clock clock;

    @Activate
    public AdtCoverageProcessor(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                @Reference Clock clock) {
        this.tx = new Tx(dataSource);
        this.clock = clock;
    }

    @Override
    public void validate(Message message) {
        // IN1 is optional: nothing to refuse
    }

    /** Without the bridge's patient keys there is no child to attach the coverage to. */
    @Override
    public List<String> process(Message message, String channel) {
        return List.of();
    }

    @Override
    public List<String> processAlso(Message message, String channel, List<String> patientKeys) {
        if (patientKeys == null || patientKeys.isEmpty()) {
            return List.of();
        }
        CoverageDTO mapped;
        try {
            mapped = map(message, "hl7:" + channel);
        } catch (HL7Exception unreadable) {
            return List.of(); // tolerant: the bridge's processing stands
        }
        if (mapped == null) {
            return List.of();
        }
        String source = mapped.source;
        tx.inTransaction(c -> {
            for (String childId : patientKeys) {
                CoverageDTO v = copy(mapped);
                v.childId = childId;
                store.saveCoverage(c, v, source, clock.instant());
            }
            return null;
        });
        return patientKeys;
    }

    /** The coverage of the message's first IN1 (childId unset), or null when it has no IN1 or no payer. */
    static CoverageDTO map(Message message, String source) throws HL7Exception {
        Segment in1 = firstIn1(message);
        if (in1 == null) {
            return null;
        }
        // the segment is found once; each field is then read from it (a Terser path per field searched the
        // whole message structure for IN1 again, profiled in issue 18)
        CoverageDTO v = new CoverageDTO();
        v.companyId = cut(Terser.get(in1, 3, 0, 1, 1), 60);
        v.payer = v.companyId != null ? v.companyId : cut(Terser.get(in1, 4, 0, 1, 1), 60);
        if (v.payer == null) {
            return null;
        }
        String planId = Terser.get(in1, 2, 0, 1, 1);
        v.plan = cut(blank(planId) ? Terser.get(in1, 2, 0, 2, 1) : planId, 100);
        v.validFrom = date(Terser.get(in1, 12, 0, 1, 1));
        v.validTo = date(Terser.get(in1, 13, 0, 1, 1));
        v.subscriber = cut(name(Terser.get(in1, 16, 0, 1, 1), Terser.get(in1, 16, 0, 2, 1)), 100);
        v.relationship = cut(Terser.get(in1, 17, 0, 1, 1), 10);
        v.policyNumber = cut(Terser.get(in1, 36, 0, 1, 1), 60);
        v.insuredId = cut(Terser.get(in1, 49, 0, 1, 1), 40);
        v.region = cut(Terser.get(in1, 49, 0, 4, 1), 20);
        v.source = source;
        return v;
    }

    /** The first IN1 with content, wherever the structure keeps it (ADT_A01 and ADT_A05 nest it in a group), or null. */
    private static Segment firstIn1(Message message) throws HL7Exception {
        try {
            Segment in1 = new Terser(message).getSegment("/.IN1");
            String encoded = in1.encode();
            return encoded != null && encoded.length() > 3 ? in1 : null;
        } catch (HL7Exception absent) {
            return null;
        }
    }

    private static CoverageDTO copy(CoverageDTO v) {
        CoverageDTO c = new CoverageDTO();
        c.payer = v.payer;
        c.plan = v.plan;
        c.companyId = v.companyId;
        c.insuredId = v.insuredId;
        c.policyNumber = v.policyNumber;
        c.region = v.region;
        c.subscriber = v.subscriber;
        c.relationship = v.relationship;
        c.validFrom = v.validFrom;
        c.validTo = v.validTo;
        c.source = v.source;
        return c;
    }

    /** Family then given name: without a space for CJK names (唐丽), with one otherwise. */
    private static String name(String family, String given) {
        if (blank(family)) {
            return blank(given) ? null : given.trim();
        }
        if (blank(given)) {
            return family.trim();
        }
        boolean ascii = (family + given).chars().allMatch(ch -> ch < 128);
        return family.trim() + (ascii ? " " : "") + given.trim();
    }

    private static LocalDate date(String dt) {
        if (blank(dt) || dt.trim().length() < 8) {
            return null;
        }
        String d = dt.trim();
        try {
            return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                    Integer.parseInt(d.substring(6, 8)));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private static String cut(String s, int max) {
        if (blank(s)) {
            return null;
        }
        String v = s.trim();
        return v.length() > max ? v.substring(0, max) : v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
