package org.pediconsult.itest;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The platform switched to PostgreSQL by configuration only (etc/org.ops4j.datasource-pediconsult.cfg):
 * migrations, outbox and audit run against a real server.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformPostgresIT extends PlatformBehaviour {
    @Override
    protected Option[] extraOptions() {
        return postgres("platform");
    }
}
