package org.pediconsult.consultation.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.HisObservations;
import org.pediconsult.consultation.api.UnknownHisPatientException;
import org.pediconsult.consultation.api.dto.HisObservationReport;
import org.pediconsult.consultation.api.dto.ObservationDTO;
import org.pediconsult.consultation.internal.store.ObservationStore;
import org.pediconsult.consultation.internal.store.Rows;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.Tx;

/**
 * Observations from the HIS on the child's record. Each is kept under its result key (see
 * {@link HisObservations}): known and unchanged, nothing happens; known and changed, the row is
 * updated (unless a preliminary result would replace a final one); else it is added. Every write is
 * audited in the same transaction.
 */
@Component(service = HisObservations.class)
public class HisObservationsService implements HisObservations {
    /** Result statuses (HL7 table 0085) that a later preliminary one must not overwrite. */
    private static final Set<String> FINAL = Set.of("F", "C", "X", "U");
    private static final Set<String> PRELIMINARY = Set.of("P", "R", "S", "I", "O");

    private final Tx tx;
    private final ObservationStore store = new ObservationStore();
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public HisObservationsService(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                  @Reference AuditTrail audit, @Reference Clock clock,
                                  @Reference ConsultationWorkflow schemaReady) {
        this.tx = new Tx(dataSource);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int record(HisObservationReport report, String source) {
        Objects.requireNonNull(report, "report");
        if (report.hisId == null || report.hisId.isBlank()) {
            throw new IllegalArgumentException("PID-3 (patient identifier) is required");
        }
        int n = 1;
        for (ObservationDTO o : report.observations) {
            ObservationLimits.check(o, n++);
        }
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            String childId = Rows.one(c, "SELECT id FROM consult_child WHERE id_type = ? AND id_value = ?",
                    rs -> rs.getString(1), HisPatientsService.ID_TYPE, report.hisId);
            if (childId == null) {
                throw new UnknownHisPatientException();
            }
            report.childId = childId;
            int changed = 0;
            for (ObservationDTO o : report.observations) {
                changed += put(c, childId, o, report.controlId, source, now);
            }
            return changed;
        });
    }

    private int put(Connection c, String childId, ObservationDTO in, String controlId, String source, Instant now)
            throws SQLException {
        ObservationDTO o = copyForStore(in, childId, controlId, source, now);
        String key = resultKey(o);
        ObservationDTO stored = store.byKey(c, childId, key);
        if (stored == null) {
            o.id = Ids.newId();
            store.insert(c, o, key);
            audit.record(c, new AuditEntry(source, AuditEntry.Action.CREATE, "observation", o.id, childId,
                    "from HIS ORU " + o.code));
            return 1;
        }
        if (sameContent(stored, o) || (FINAL.contains(stored.resultStatus) && PRELIMINARY.contains(o.resultStatus))) {
            return 0;
        }
        o.id = stored.id;
        store.update(c, o);
        audit.record(c, new AuditEntry(source, AuditEntry.Action.UPDATE, "observation", o.id, childId,
                "from HIS ORU " + o.code + ", status " + stored.resultStatus + " -> " + o.resultStatus));
        return 1;
    }

    private static ObservationDTO copyForStore(ObservationDTO in, String childId, String controlId, String source,
                                               Instant now) {
        ObservationDTO o = new ObservationDTO();
        o.childId = childId;
        o.code = in.code;
        o.codingSystem = in.codingSystem;
        o.text = in.text;
        o.alternateCode = in.alternateCode;
        o.alternateCodingSystem = in.alternateCodingSystem;
        o.subId = in.subId;
        o.setId = in.setId;
        o.valueType = in.valueType;
        o.value = in.value;
        o.numericValue = in.numericValue;
        o.valueCode = in.valueCode;
        o.valueCodingSystem = in.valueCodingSystem;
        o.units = in.units;
        o.referenceRange = in.referenceRange;
        o.abnormalFlags = in.abnormalFlags;
        o.resultStatus = in.resultStatus;
        o.observedAt = in.observedAt;
        o.orderNumber = in.orderNumber;
        o.serviceCode = in.serviceCode;
        o.serviceText = in.serviceText;
        o.orderingProvider = in.orderingProvider;
        o.performer = in.performer;
        o.source = source;
        o.controlId = controlId;
        o.recordedAt = now;
        ObservationLimits.cutTexts(o);
        return o;
    }

    /** What the sender may change about one result; source, control id and times of recording are not content. */
    private static boolean sameContent(ObservationDTO a, ObservationDTO b) {
        return Objects.equals(a.value, b.value) && Objects.equals(a.numericValue, b.numericValue)
                && Objects.equals(a.valueType, b.valueType) && Objects.equals(a.valueCode, b.valueCode)
                && Objects.equals(a.valueCodingSystem, b.valueCodingSystem) && Objects.equals(a.units, b.units)
                && Objects.equals(a.referenceRange, b.referenceRange) && Objects.equals(a.abnormalFlags, b.abnormalFlags)
                && Objects.equals(a.resultStatus, b.resultStatus) && Objects.equals(a.text, b.text)
                && Objects.equals(a.alternateCode, b.alternateCode) && Objects.equals(a.serviceText, b.serviceText)
                && Objects.equals(a.orderingProvider, b.orderingProvider) && Objects.equals(a.performer, b.performer);
    }

    /** SHA-256 (hex) of what identifies one result; see {@link HisObservations}. */
    static String resultKey(ObservationDTO o) {
        String joined = String.join("\u001f", nz(o.orderNumber), nz(o.serviceCode), nz(o.setId), nz(o.code),
                nz(o.codingSystem), nz(o.subId), o.observedAt.toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
