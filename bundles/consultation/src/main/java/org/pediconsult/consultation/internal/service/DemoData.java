package org.pediconsult.consultation.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.GuardianshipDTO;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.consultation.api.dto.SlotDTO;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.consultation.internal.store.PhysicianStore;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded-mode demo data (synthetic): physician 王建国 ({@code dr.wang}) with half-hour slots on the
 * next 14 days, guardian 唐丽 ({@code guardian.tang}) with her verified son 唐小明. Only when
 * {@code demo.data = true}; idempotent, so a restart only adds the missing future slots.
 */
@Component(configurationPid = "org.pediconsult.consultation", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String ACTOR = "system:demo-data";

    @Activate
    public DemoData(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                    @Reference AuditTrail audit, @Reference Clock clock, @Reference ConsultationWorkflow schemaReady,
                    ConsultationConfig config) {
        if (!config.demo_data()) {
            return;
        }
        PilotRules rules = new PilotRules(config);
        PeopleStore people = new PeopleStore();
        PhysicianStore physicians = new PhysicianStore();
        Instant now = clock.instant();
        int slots = new Tx(dataSource).inTransaction(c -> {
            PhysicianDTO wang = physicians.byUsername(c, "dr.wang");
            if (wang == null) {
                wang = physician(rules);
                physicians.insert(c, wang, now);
                audit.record(c, new AuditEntry(ACTOR, AuditEntry.Action.CREATE, "physician", wang.id, null, "demo"));
            }
            if (people.guardianByUsername(c, "guardian.tang") == null) {
                family(c, people, audit, now);
            }
            return addSlots(c, physicians, wang.id, now, rules.zone);
        });
        LOG.info("demo data ready (dr.wang, guardian.tang); {} new demo slots", slots);
    }

    private static PhysicianDTO physician(PilotRules rules) {
        PhysicianDTO p = new PhysicianDTO();
        p.id = Ids.newId();
        p.username = "dr.wang";
        p.familyName = "王";
        p.givenName = "建国";
        p.licenceNumber = "110101201509001";
        p.practiceSince = LocalDate.of(2015, 9, 1);
        p.title = "主治医师 Attending pediatrician";
        p.institution = rules.scope.institutions().stream().sorted().findFirst().orElse("PILOT-HOSPITAL-1");
        p.specialties = new ArrayList<>(rules.scope.specialtyIds());
        p.whitelisted = true;
        return p;
    }

    private static void family(Connection c, PeopleStore people, AuditTrail audit, Instant now) throws SQLException {
        GuardianDTO g = new GuardianDTO();
        g.id = Ids.newId();
        g.username = "guardian.tang";
        g.familyName = "唐";
        g.givenName = "丽";
        g.phone = "+86 138 0000 0000";
        g.idType = "RESIDENT_ID";
        g.idValue = "DEMO-110101199001010000";
        g.identityVerified = true;
        g.verifiedBy = ACTOR;
        g.verifiedMethod = "demo";
        g.verifiedAt = now;
        people.insertGuardian(c, g, now);
        ChildDTO child = new ChildDTO();
        child.id = Ids.newId();
        child.familyName = "唐";
        child.givenName = "小明";
        child.sex = "MALE";
        child.birthDate = LocalDate.of(2022, 3, 15);
        child.idType = "BIRTH_CERTIFICATE";
        child.idValue = "DEMO-BC-2022-0315";
        people.insertChild(c, child, ACTOR, now);
        GuardianshipDTO link = new GuardianshipDTO();
        link.guardianId = g.id;
        link.childId = child.id;
        link.relationship = "MOTHER";
        link.verified = true;
        link.verifiedBy = ACTOR;
        link.verifiedMethod = "demo";
        link.verifiedAt = now;
        people.insertGuardianship(c, link);
        audit.record(c, new AuditEntry(ACTOR, AuditEntry.Action.CREATE, "child", child.id, child.id, "demo"));
    }

    private static int addSlots(Connection c, PhysicianStore physicians, String physicianId, Instant now, ZoneId zone)
            throws SQLException {
        List<Instant> existing = new ArrayList<>();
        for (SlotDTO s : physicians.slots(c, physicianId, now, false)) {
            existing.add(s.startsAt);
        }
        int added = 0;
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int day = 0; day < 14; day++) {
            for (int half = 0; half < 6; half++) {
                Instant start = today.plusDays(day).atTime(LocalTime.of(9, 0).plusMinutes(30L * half)).atZone(zone).toInstant();
                if (start.isAfter(now) && !existing.contains(start)) {
                    SlotDTO s = new SlotDTO();
                    s.id = Ids.newId();
                    s.physicianId = physicianId;
                    s.startsAt = start;
                    s.minutes = 30;
                    physicians.insertSlot(c, s);
                    added++;
                }
            }
        }
        return added;
    }
}
