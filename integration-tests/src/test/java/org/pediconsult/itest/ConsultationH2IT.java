package org.pediconsult.itest;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The consultation flow on the embedded defaults (H2). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsultationH2IT extends PilotSpecialtiesBehaviour {
}
