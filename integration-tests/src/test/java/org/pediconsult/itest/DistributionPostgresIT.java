package org.pediconsult.itest;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The distribution switched to PostgreSQL by configuration only (etc/org.ops4j.datasource-pediconsult.cfg),
 * in one container: the platform's migrations, outbox and audit ({@link PlatformBehaviour}) and the
 * consultation flow with the pilot specialties ({@link PilotSpecialtiesBehaviour}) against a real
 * server, in a database created for this run ({@link PostgresDatabases}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionPostgresIT extends PrescriptionPharmacyBehaviour {
    @Override
    protected Option[] databaseOptions() {
        return postgres("distribution");
    }
}
