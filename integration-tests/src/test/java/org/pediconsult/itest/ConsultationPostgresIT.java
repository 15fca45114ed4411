package org.pediconsult.itest;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The consultation flow on PostgreSQL. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsultationPostgresIT extends PilotSpecialtiesBehaviour {
    @Override
    protected Option[] databaseOptions() {
        return postgres("consultation");
    }
}
