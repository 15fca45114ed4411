package org.pediconsult.prescription.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.pediconsult.platform.api.security.ShellActor;
import org.pediconsult.prescription.internal.service.PrescriptionService;

/**
 * {@code pediconsult:prescription-void-consultation <consultationId> <reason>}: operations void every
 * not yet dispensed prescription of a consultation (e.g. a referral made outside PediConsult), with the
 * same events (ORC-1 CA for those sent) and audit as a referral.
 */
@Service
@Command(scope = "pediconsult", name = "prescription-void-consultation",
        description = "Voids every prescription of a consultation that is not yet dispensed")
public class PrescriptionVoidCommand implements Action {
    @Reference
    PrescriptionService prescriptions;

    @Argument(index = 0, name = "consultationId", required = true)
    String consultationId;

    @Argument(index = 1, name = "reason", required = true)
    String reason;

    @Override
    public Object execute() {
        int n = prescriptions.voidConsultation(consultationId, reason, ShellActor.current());
        System.out.println(n + " prescriptions voided");
        return null;
    }
}
