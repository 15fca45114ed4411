package org.pediconsult.itest;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The distribution on its embedded defaults (H2 in file mode, the embedded broker), in one container
 * for all of: the platform ({@link PlatformBehaviour}), the consultation flow and the pilot
 * specialties ({@link ConsultationBehaviour}, {@link PilotSpecialtiesBehaviour}), video signaling
 * ({@link VideoSignalingBehaviour}) and the HL7 bridge ({@link Hl7BridgeBehaviour}).
 *
 * <p>One container instead of one per area saves a boot (~10 s each on 2 cores); the behaviours are
 * chained superclasses because JUnit 4 (Pax Exam's driver) finds tests only along the class hierarchy.
 * Every test there makes its own data (its own consultations, slots, control ids, listeners) and
 * restores what it changes (a stopped bundle, a tampered audit record, a channel it added), so none
 * needs a fresh container. The hot-plug tests do and keep theirs ({@link SpecialtyHotPlugIT}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionH2IT extends Hl7BridgeBehaviour {
}
