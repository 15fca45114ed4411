package org.pediconsult.claim.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.claim.api.ClaimDTO;
import org.pediconsult.claim.api.CoverageDTO;
import org.pediconsult.claim.internal.store.ClaimStore;
import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.InterfaceRecords;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.platform.api.Problem;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** A child's coverage (entered by the guardian) and a consultation's claims as the family sees them. Others: 404. */
@Component(service = Coverages.class)
public class Coverages {
    private static final Set<String> RELATIONSHIPS = Set.of("MTH", "FTH", "GRD", "OTH");
    private final Tx tx;
    private final AuditTrail audit;
    private final ChildRecords children;
    private final InterfaceRecords consultations;
    private final ClaimStore store = new ClaimStore();
    private final java.time.Clock clock;

    @Activate
    public Coverages(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource, @Reference AuditTrail audit,
                     @Reference ChildRecords children, @Reference InterfaceRecords consultations, @Reference java.time.Clock clock) {
        this.tx = new Tx(dataSource);
        this.audit = audit;
        this.children = children;
        this.consultations = consultations;
        this.clock = clock;
    }

    public CoverageDTO get(AuthenticatedUser user, String childId) {
        requireFamilyOrBilling(user, childId);
        CoverageDTO c = tx.read(x -> store.coverage(x, childId));
        if (c == null) {
            throw ProblemException.notFound("coverage");
        }
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "coverage", childId, childId, null));
        return c;
    }

    public CoverageDTO put(AuthenticatedUser guardian, String childId, CoverageDTO body) {
        if (!children.isGuardian(guardian, childId)) {
            throw ProblemException.notFound("child");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null) {
            throw ProblemException.badField("payer", "send {payer, plan, insuredId, region, relationship, validFrom, validTo}");
        }
        text(errors, "payer", body.payer, 60, true);
        text(errors, "plan", body.plan, 100, true);
        text(errors, "insuredId", body.insuredId, 40, true);
        text(errors, "region", body.region, 20, true);
        text(errors, "companyId", body.companyId, 60, false);
        text(errors, "policyNumber", body.policyNumber, 60, false);
        if (body.relationship == null || !RELATIONSHIPS.contains(body.relationship)) {
            errors.add(new Problem.FieldError("relationship", "one of " + RELATIONSHIPS));
        }
        if (body.validFrom != null && body.validTo != null && !body.validTo.isAfter(body.validFrom)) {
            errors.add(new Problem.FieldError("validTo", "after validFrom"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid_coverage", errors);
        }
        body.childId = childId;
        body.subscriber = guardian.username();
        body.source = "GUARDIAN";
        tx.inTransaction(c -> {
            store.saveCoverage(c, body, guardian.username(), clock.instant());
            audit.record(c, new AuditEntry(guardian.username(), AuditEntry.Action.UPDATE, "coverage", childId, childId, null));
            return null;
        });
        return body;
    }

    public List<ClaimDTO> claimsOfConsultation(AuthenticatedUser user, String consultationId) {
        ConsultationRecord k = consultations.consultation(consultationId, "claim", "claims of a consultation")
                .orElseThrow(() -> ProblemException.notFound("consultation"));
        requireFamilyOrBilling(user, k.child.id);
        List<ClaimDTO> list = tx.read(c -> store.byConsultation(c, consultationId));
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "claim-list", consultationId, k.child.id,
                list.size() + " claims"));
        return list;
    }

    private void requireFamilyOrBilling(AuthenticatedUser user, String childId) {
        if (user.has(Role.BILLING) || user.has(Role.AUDITOR)) {
            return;
        }
        if (!children.isGuardian(user, childId)) {
            throw ProblemException.notFound("child");
        }
    }

    private static void text(List<Problem.FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "required"));
            }
        } else if (value.length() > max) {
            errors.add(new Problem.FieldError(field, "at most " + max + " characters"));
        }
    }
}
