package org.pediconsult.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.report.ReportSection;
import org.pediconsult.platform.api.report.SectionContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the pilot report from whatever {@link ReportSection}s are registered now (whiteboard: a
 * section comes and goes with its bundle; nothing here names one). Sections run one after another on
 * the caller's thread; one that throws is reported as failed with an incident id (the cause goes to the
 * log, never to the reader) and the others still answer. At most {@code concurrent} reports are
 * computed at once: a report reads a year of every bundle's tables.
 */
@Component(service = PilotReport.class)
@Designate(ocd = ReportConfig.class)
public class PilotReport {
    private static final Logger LOG = LoggerFactory.getLogger(PilotReport.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,40}");

    private final List<ReportSection> sections = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private volatile ReportConfig config;
    private volatile Semaphore permits;

    public PilotReport() {
        this(Clock.systemUTC());
    }

    PilotReport(Clock clock) {
        this.clock = clock;
    }

    @Activate
    @Modified
    void configure(ReportConfig config) {
        ZoneId.of(config.zone());
        this.config = config;
        this.permits = new Semaphore(Math.max(1, config.concurrent()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSection(ReportSection section) {
        sections.add(section);
    }

    void removeSection(ReportSection section) {
        sections.remove(section);
    }

    ReportConfig config() {
        return config;
    }

    /** The PDF's font files: the configured entries, each of which may itself list several, comma-separated (a .cfg file). */
    String[] pdfFonts() {
        return java.util.Arrays.stream(config.pdf_fonts()).flatMap(f -> java.util.Arrays.stream(f.split(",")))
                .map(String::trim).filter(f -> !f.isEmpty()).toArray(String[]::new);
    }

    ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    Label title() {
        return Label.of(config.title_zh(), config.title_en());
    }

    /** The ids and titles of the sections installed now, in report order. */
    List<ReportSection> installed() {
        List<ReportSection> list = new ArrayList<>();
        for (ReportSection s : sections) {
            if (ID.matcher(String.valueOf(s.id())).matches() && list.stream().noneMatch(o -> o.id().equals(s.id()))) {
                list.add(s);
            }
        }
        list.sort(Comparator.comparingInt(ReportSection::order).thenComparing(ReportSection::id));
        return list;
    }

    /** Every installed section for the period, or only {@code onlyId} when given (404 if not installed). */
    Report compute(ReportPeriod period, String onlyId) {
        List<ReportSection> chosen = installed();
        if (onlyId != null) {
            chosen = chosen.stream().filter(s -> s.id().equals(onlyId)).toList();
            if (chosen.isEmpty()) {
                throw ProblemException.notFound("report section " + onlyId);
            }
        }
        Semaphore gate = permits;
        boolean acquired;
        try {
            acquired = gate.tryAcquire(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ProblemException(503, "report-busy", "other reports are being computed; try again in a minute");
        }
        try {
            List<ComputedSection> out = new ArrayList<>();
            for (ReportSection s : chosen) {
                out.add(computeOne(s, period));
            }
            return new Report(title(), period, Instant.now(clock), out);
        } finally {
            gate.release();
        }
    }

    private static ComputedSection computeOne(ReportSection s, ReportPeriod period) {
        Label title;
        try {
            title = s.title();
        } catch (RuntimeException e) {
            title = Label.plain(s.id());
        }
        long started = System.nanoTime();
        try {
            SectionContent content = s.compute(period);
            if (content == null) {
                throw new IllegalStateException("section returned no content");
            }
            LOG.debug("report section {} computed in {} ms", s.id(), (System.nanoTime() - started) / 1_000_000);
            return new ComputedSection(s.id(), title, s.order(), content, null);
        } catch (RuntimeException | LinkageError e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("report section {} failed, incident {}", s.id(), incident, e);
            return new ComputedSection(s.id(), title, s.order(), null, "section failed, incident " + incident);
        }
    }
}
