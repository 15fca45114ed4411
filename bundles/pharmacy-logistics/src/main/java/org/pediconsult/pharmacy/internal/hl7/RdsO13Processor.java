package org.pediconsult.pharmacy.internal.hl7;

import org.pediconsult.hl7.api.segments.PatientSegments;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.datatype.XCN;
import ca.uhn.hl7v2.model.v251.group.RDS_O13_ORDER;
import ca.uhn.hl7v2.model.v251.message.RDS_O13;
import ca.uhn.hl7v2.model.v251.segment.NTE;
import ca.uhn.hl7v2.model.v251.segment.ORC;
import ca.uhn.hl7v2.model.v251.segment.RXD;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.hl7.api.Hl7InboundProcessor;
import org.pediconsult.hl7.api.Hl7InboundRefusal;
import org.pediconsult.pharmacy.api.DispenseDTO;
import org.pediconsult.pharmacy.internal.dispense.DispenseRefused;
import org.pediconsult.pharmacy.internal.dispense.InboundDispenses;

/**
 * RDS^O13 from the hospital pharmacy system (it dispensed in its own system what our RDE^O11 ordered) to
 * the same dispense record a pharmacist makes here, through {@link InboundDispenses#recordInbound}
 * (source {@code hl7:<channel>}; the bridge stores, acknowledges and deduplicates the message).
 *
 * <p>Read per ORDER: ORC-2 our placer order number {@code <prescriptionId>-<n>} (n the 1-based item
 * number, as our RDE^O11 sent it; namespace PEDICONSULT or empty; every ORDER of a message must name the
 * same prescription, and an item once), RXD-2 the product given (code, name), RXD-3 when (required; a
 * time without offset is read in the configured zone; the message's time is the latest RXD-3), RXD-4 the
 * quantity (a number above 0) and RXD-5 its unit (code, else text), RXD-7 the prescription number (when
 * given, it must be ORC-2's), RXD-10 the dispensing provider (XCN-1, else the name; the first ORDER's),
 * RXD-18 the lot, RXD-19 the expiry (a date, {@code YYYYMMDD}; {@code YYYYMM} is the month's last day),
 * RXD-20 the manufacturer (CE text, else code).
 *
 * <p><b>Substitution reason.</b> RXD has no field for it (RXD-11 is the substitution status, a table 0167
 * code, not a reason): it is the NTE that follows the RXD in the ORDER (NTE-3; the one with NTE-4 {@code 1R}
 * "primary reason", table 0364, when there are several), else RXD-9 (dispense notes). It is passed
 * whenever present; whether the product is a substitute (RXD-2 other than the prescribed code) and needs
 * one is the dispensing service's rule. {@link RdsO13Mapper} writes the reason the same way.
 *
 * <p>Refusals name the segment and field at fault: checks here, and {@link DispenseRefused} mapped by its
 * field ({@code prescriptionId}, {@code items[i].itemIndex} to ORC-2; {@code items[i].lot} RXD-18,
 * {@code .expiry} RXD-19, {@code .quantity} RXD-4, {@code .quantityUnit} RXD-5, {@code .manufacturer}
 * RXD-20, {@code .productCode}, {@code .productName}, {@code .substitutionReason} RXD-2; {@code dispensedBy}
 * RXD-10, {@code dispensedAt} RXD-3; anything else RXD), the text naming the ORDER.
 */
@Component(service = Hl7InboundProcessor.class, configurationPid = "org.pediconsult.pharmacy.hl7",
        property = Hl7InboundProcessor.MESSAGE_TYPES + "=RDS^O13")
public class RdsO13Processor implements Hl7InboundProcessor {
    private static final Pattern PLACER = Pattern.compile("(.+)-([1-9][0-9]{0,3})");
    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)\\]\\.?(.*)");
    private static final Pattern TS = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(?:(\\d{2})(?:\\.\\d{1,4})?)?([+-]\\d{4})?");
    private static final Pattern EXPIRY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})?(?:\\d{2,6}(?:\\.\\d{1,4})?)?([+-]\\d{4})?");

    private final InboundDispenses dispenses;
    private final ZoneId zone;

    @Activate
    public RdsO13Processor(@Reference InboundDispenses dispenses, PharmacyHl7Config config) {
        this(dispenses, ZoneId.of(config.zone()));
    }

    RdsO13Processor(InboundDispenses dispenses, ZoneId zone) {
        this.dispenses = dispenses;
        this.zone = zone;
    }

    /** What an RDS^O13 says: one prescription's items, by whom and when. */
    record Dispense(String prescriptionId, List<DispenseDTO.Item> items, String dispensedBy, Instant at) {
    }

    @Override
    public void validate(Message message) throws Hl7InboundRefusal {
        read(message);
    }

    @Override
    public List<String> process(Message message, String channel) throws Hl7InboundRefusal {
        Dispense d = read(message);
        DispenseDTO recorded;
        try {
            recorded = dispenses.recordInbound(d.prescriptionId(), d.items(), d.dispensedBy(), d.at(), channel);
        } catch (DispenseRefused refused) {
            throw refusal(refused);
        }
        return recorded == null || recorded.childId == null ? List.of() : List.of(recorded.childId);
    }

    /** The message's dispense, or the refusal at the segment and field that keeps it from being read. */
    Dispense read(Message message) throws Hl7InboundRefusal {
        if (!(message instanceof RDS_O13 rds)) {
            throw new Hl7InboundRefusal("not an RDS^O13 message (v2.5.1 structure RDS_O13)", "MSH", 9);
        }
        try {
            int orders = rds.getORDERReps();
            if (orders == 0) {
                throw new Hl7InboundRefusal("no ORDER: an RDS^O13 needs an ORC and an RXD per dispensed item", "ORC", 2);
            }
            String prescriptionId = null;
            String dispensedBy = null;
            Instant at = null;
            Set<Integer> seen = new HashSet<>();
            List<DispenseDTO.Item> items = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                RDS_O13_ORDER order = rds.getORDER(i);
                String where = "ORDER " + (i + 1) + ": ";
                ORC orc = order.getORC();
                RXD rxd = order.getRXD();
                String placer = text(orc.getPlacerOrderNumber().getEntityIdentifier().getValue());
                String namespace = text(orc.getPlacerOrderNumber().getNamespaceID().getValue());
                Matcher m = PLACER.matcher(placer == null ? "" : placer);
                if (!m.matches() || (namespace != null && !PatientSegments.AUTHORITY.equals(namespace))) {
                    throw new Hl7InboundRefusal(where + "ORC-2 must be our placer order number <prescriptionId>-<n>^"
                            + PatientSegments.AUTHORITY + " as the RDE^O11 sent it", "ORC", 2);
                }
                if (prescriptionId == null) {
                    prescriptionId = m.group(1);
                } else if (!prescriptionId.equals(m.group(1))) {
                    throw new Hl7InboundRefusal(where + "ORC-2 names prescription " + m.group(1) + ", ORDER 1 "
                            + prescriptionId + ": one RDS^O13 dispenses one prescription", "ORC", 2);
                }
                DispenseDTO.Item item = new DispenseDTO.Item();
                item.itemIndex = Integer.parseInt(m.group(2)) - 1;
                if (!seen.add(item.itemIndex)) {
                    throw new Hl7InboundRefusal(where + "ORC-2 names item " + m.group(2) + " a second time", "ORC", 2);
                }
                if (rxd.isEmpty()) {
                    throw new Hl7InboundRefusal(where + "RXD is missing", "RXD", 0);
                }
                String prescriptionNumber = text(rxd.getPrescriptionNumber().getValue());
                if (prescriptionNumber != null && !prescriptionNumber.equals(prescriptionId)) {
                    throw new Hl7InboundRefusal(where + "RXD-7 names prescription " + prescriptionNumber
                            + ", ORC-2 " + prescriptionId, "RXD", 7);
                }
                item.productCode = text(rxd.getDispenseGiveCode().getIdentifier().getValue());
                item.productName = text(rxd.getDispenseGiveCode().getText().getValue());
                if (item.productCode == null) {
                    throw new Hl7InboundRefusal(where + "RXD-2 (dispense/give code) is missing", "RXD", 2);
                }
                Instant when = time(text(rxd.getDateTimeDispensed().getTime().getValue()));
                if (when == null) {
                    throw new Hl7InboundRefusal(where + "RXD-3 (date/time dispensed) is missing or not a time "
                            + "(YYYYMMDDHHMM[SS][+ZZZZ])", "RXD", 3);
                }
                at = at == null || when.isAfter(at) ? when : at;
                item.quantity = quantity(text(rxd.getActualDispenseAmount().getValue()));
                if (item.quantity == null) {
                    throw new Hl7InboundRefusal(where + "RXD-4 (actual dispense amount) is missing or not a number "
                            + "above 0", "RXD", 4);
                }
                item.quantityUnit = codeOrText(rxd.getActualDispenseUnits());
                if (i == 0) {
                    dispensedBy = provider(rxd);
                    if (dispensedBy == null) {
                        throw new Hl7InboundRefusal(where + "RXD-10 (dispensing provider) is missing", "RXD", 10);
                    }
                }
                item.lot = rxd.getSubstanceLotNumberReps() == 0 ? null
                        : text(rxd.getSubstanceLotNumber(0).getValue());
                if (item.lot == null) {
                    throw new Hl7InboundRefusal(where + "RXD-18 (substance lot number) is missing", "RXD", 18);
                }
                item.expiry = rxd.getSubstanceExpirationDateReps() == 0 ? null
                        : expiry(text(rxd.getSubstanceExpirationDate(0).getTime().getValue()));
                if (item.expiry == null) {
                    throw new Hl7InboundRefusal(where + "RXD-19 (substance expiration date) is missing or not a "
                            + "date (YYYYMMDD)", "RXD", 19);
                }
                item.manufacturer = rxd.getSubstanceManufacturerNameReps() == 0 ? null
                        : textOrCode(rxd.getSubstanceManufacturerName(0));
                item.substitutionReason = substitutionReason(order, rxd);
                items.add(item);
            }
            return new Dispense(prescriptionId, items, dispensedBy, at);
        } catch (HL7Exception unreadable) {
            throw new Hl7InboundRefusal("the message cannot be read: " + unreadable.getMessage(), null, 0);
        }
    }

    /** The NTE after the RXD (the 1R "primary reason" one when there are several), else RXD-9. */
    private static String substitutionReason(RDS_O13_ORDER order, RXD rxd) throws HL7Exception {
        String first = null;
        for (int n = 0; n < order.getNTEReps(); n++) {
            NTE nte = order.getNTE(n);
            String comment = joined(nte.getComment());
            if (comment == null) {
                continue;
            }
            if (RdsO13Mapper.REASON_COMMENT.equals(text(nte.getCommentType().getIdentifier().getValue()))) {
                return comment;
            }
            first = first == null ? comment : first;
        }
        return first != null ? first : joined(rxd.getDispenseNotes());
    }

    private static String joined(Primitive[] values) {
        StringBuilder out = new StringBuilder();
        for (Primitive v : values) {
            String t = text(v.getValue());
            if (t != null) {
                out.append(out.length() == 0 ? "" : " ").append(t);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static String provider(RXD rxd) {
        if (rxd.getDispensingProviderReps() == 0) {
            return null;
        }
        XCN x = rxd.getDispensingProvider(0);
        String id = text(x.getIDNumber().getValue());
        if (id != null) {
            return id;
        }
        String family = text(x.getFamilyName().getSurname().getValue());
        String given = text(x.getGivenName().getValue());
        String name = ((family == null ? "" : family) + (given == null ? "" : given)).trim();
        return name.isEmpty() ? null : name;
    }

    private static String codeOrText(CE ce) {
        String code = text(ce.getIdentifier().getValue());
        return code != null ? code : text(ce.getText().getValue());
    }

    private static String textOrCode(CE ce) {
        String t = text(ce.getText().getValue());
        return t != null ? t : text(ce.getIdentifier().getValue());
    }

    /** A TS to at least the minute; without an offset, in the configured zone. Null when it is none. */
    Instant time(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = TS.matcher(value);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return m.group(7) == null ? local.atZone(zone).toInstant()
                    : local.atOffset(ZoneOffset.of(m.group(7).substring(0, 3) + ":" + m.group(7).substring(3)))
                    .toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The date of a TS ({@code YYYYMMDD...}); {@code YYYYMM} (a lot labelled by month) is that month's last day. */
    static LocalDate expiry(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = EXPIRY.matcher(value);
        if (!m.matches()) {
            return null;
        }
        try {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return m.group(3) == null ? month.atEndOfMonth() : month.atDay(Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Double quantity(String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal q = new BigDecimal(value);
            return q.signum() > 0 ? q.doubleValue() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The dispensing service's refusal at the segment and field of the message that carried the value. */
    static Hl7InboundRefusal refusal(DispenseRefused refused) {
        String field = refused.field() == null ? "" : refused.field();
        Matcher item = ITEM_FIELD.matcher(field);
        String text = refused.getMessage();
        if (item.matches()) {
            text = "ORDER " + (Integer.parseInt(item.group(1)) + 1) + ": " + text;
            switch (item.group(2)) {
                case "itemIndex": return new Hl7InboundRefusal(text, "ORC", 2);
                case "lot": return new Hl7InboundRefusal(text, "RXD", 18);
                case "expiry": return new Hl7InboundRefusal(text, "RXD", 19);
                case "quantity": return new Hl7InboundRefusal(text, "RXD", 4);
                case "quantityUnit": return new Hl7InboundRefusal(text, "RXD", 5);
                case "manufacturer": return new Hl7InboundRefusal(text, "RXD", 20);
                case "productCode", "productName", "substitutionReason": return new Hl7InboundRefusal(text, "RXD", 2);
                default: return new Hl7InboundRefusal(text, "RXD", 0);
            }
        }
        switch (field) {
            case "prescriptionId": return new Hl7InboundRefusal(text, "ORC", 2);
            case "dispensedBy": return new Hl7InboundRefusal(text, "RXD", 10);
            case "dispensedAt", "at": return new Hl7InboundRefusal(text, "RXD", 3);
            default: return new Hl7InboundRefusal(text, "RXD", 0);
        }
    }
}
