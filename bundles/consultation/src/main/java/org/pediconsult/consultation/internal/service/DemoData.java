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
import org.osgi.service.component.annotations.Modified;
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
 * Embedded-mode demo data (synthetic): physicians 王建国 ({@code dr.wang}, mornings) and 张敏
 * ({@code dr.zhang}, afternoons) with half-hour slots on the next 14 days; guardian 唐丽
 * ({@code guardian.tang}) with her verified son 唐小明, and a second family, 李娜 ({@code guardian.li})
 * with her verified daughter 李小雨. Their logins are the platform's demo accounts of the same names. Only when
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
            PhysicianDTO wang = ensurePhysician(c, physicians, audit, rules, now, "dr.wang", "王", "建国", "110101201509001",
                    LocalDate.of(2015, 9, 1), "主治医师 Attending pediatrician");
            PhysicianDTO zhang = ensurePhysician(c, physicians, audit, rules, now, "dr.zhang", "张", "敏", "110101201806002",
                    LocalDate.of(2018, 6, 1), "副主任医师 Associate chief pediatrician");
            if (people.guardianByUsername(c, "guardian.tang") == null) {
                family(c, people, audit, now, "guardian.tang", "唐", "丽", "13800000000", "DEMO-110101199001010000",
                        "小明", "MALE", LocalDate.of(2022, 3, 15), "DEMO-BC-2022-0315");
            }
            if (people.guardianByUsername(c, "guardian.li") == null) {
                family(c, people, audit, now, "guardian.li", "李", "娜", "13800000002", "DEMO-110101199205050000",
                        "小雨", "FEMALE", LocalDate.of(2021, 7, 20), "DEMO-BC-2021-0720");
            }
            return addSlots(c, physicians, wang.id, now, rules.zone(), LocalTime.of(9, 0))
                    + addSlots(c, physicians, zhang.id, now, rules.zone(), LocalTime.of(14, 0));
        });
        LOG.info("demo data ready (dr.wang, dr.zhang, guardian.tang, guardian.li); {} new demo slots", slots);
    }

    private static PhysicianDTO ensurePhysician(Connection c, PhysicianStore physicians, AuditTrail audit, PilotRules rules,
                                                Instant now, String username, String family, String given, String licence,
                                                LocalDate since, String title) throws SQLException {
        PhysicianDTO p = physicians.byUsername(c, username);
        if (p == null) {
            p = physician(rules, username, family, given, licence, since, title);
            physicians.insert(c, p, now);
            audit.record(c, new AuditEntry(ACTOR, AuditEntry.Action.CREATE, "physician", p.id, null, "demo"));
        }
        return p;
    }

    private static PhysicianDTO physician(PilotRules rules, String username, String family, String given, String licence,
                                          LocalDate since, String title) {
        PhysicianDTO p = new PhysicianDTO();
        p.id = Ids.newId();
        p.username = username;
        p.familyName = family;
        p.givenName = given;
        p.licenceNumber = licence;
        p.practiceSince = since;
        p.title = title;
        p.institution = rules.scope().institutions().stream().sorted().findFirst().orElse("PILOT-HOSPITAL-1");
        p.specialties = new ArrayList<>(rules.scope().specialtyIds());
        p.whitelisted = true;
        return p;
    }

    private static void family(Connection c, PeopleStore people, AuditTrail audit, Instant now, String username,
                               String familyName, String givenName, String phone, String idValue, String childName,
                               String sex, LocalDate birthDate, String birthCertificate) throws SQLException {
        GuardianDTO g = new GuardianDTO();
        g.id = Ids.newId();
        g.username = username;
        g.familyName = familyName;
        g.givenName = givenName;
        g.phone = phone;
        g.idType = "RESIDENT_ID";
        g.idValue = idValue;
        g.identityVerified = true;
        g.verifiedBy = ACTOR;
        g.verifiedMethod = "demo";
        g.verifiedAt = now;
        people.insertGuardian(c, g, now);
        ChildDTO child = new ChildDTO();
        child.id = Ids.newId();
        child.familyName = familyName;
        child.givenName = childName;
        child.sex = sex;
        child.birthDate = birthDate;
        child.idType = "BIRTH_CERTIFICATE";
        child.idValue = birthCertificate;
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

    private static int addSlots(Connection c, PhysicianStore physicians, String physicianId, Instant now, ZoneId zone,
                                LocalTime firstSlot) throws SQLException {
        List<Instant> existing = new ArrayList<>();
        for (SlotDTO s : physicians.slots(c, physicianId, now, false)) {
            existing.add(s.startsAt);
        }
        int added = 0;
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int day = 0; day < 14; day++) {
            for (int half = 0; half < 6; half++) {
                Instant start = today.plusDays(day).atTime(firstSlot.plusMinutes(30L * half)).atZone(zone).toInstant();
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

    /**
     * A change of the shared configuration (the pilot scope lives in the same file) must not restart
     * this component: demo mode is decided at start, so a change of {@code demo.data} takes effect at the
     * next start.
     */
    @Modified
    void modified() {
        // nothing to do: see above
    }
}
