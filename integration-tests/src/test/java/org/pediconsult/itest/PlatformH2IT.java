package org.pediconsult.itest;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The platform on the embedded defaults: H2 in file mode and the embedded broker. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformH2IT extends PlatformBehaviour {
}
