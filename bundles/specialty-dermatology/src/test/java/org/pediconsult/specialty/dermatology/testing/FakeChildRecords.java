package org.pediconsult.specialty.dermatology.testing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.dto.AssessmentDTO;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.AuthenticatedUser;

/** Who is whose guardian and who treats whom, with the consultation bundle's 404 for strangers. */
public final class FakeChildRecords implements ChildRecords {
    private final Set<String> guardians = new HashSet<>();
    private final Set<String> physicians = new HashSet<>();

    public FakeChildRecords guardian(String username, String childId) {
        guardians.add(username + "|" + childId);
        return this;
    }

    public FakeChildRecords treats(String username, String childId, String specialtyId) {
        physicians.add(username + "|" + childId + "|" + specialtyId);
        return this;
    }

    @Override
    public ChildDTO child(AuthenticatedUser caller, String childId) {
        boolean sees = isGuardian(caller, childId)
                || physicians.stream().anyMatch(p -> p.startsWith(caller.username() + "|" + childId + "|"));
        if (!sees) {
            throw ProblemException.notFound("child");
        }
        ChildDTO child = new ChildDTO();
        child.id = childId;
        return child;
    }

    @Override
    public List<AssessmentDTO> assessments(AuthenticatedUser caller, String childId, String specialtyId) {
        child(caller, childId);
        return List.of();
    }

    @Override
    public boolean isTreatingPhysician(AuthenticatedUser caller, String childId, String specialtyId) {
        return physicians.contains(caller.username() + "|" + childId + "|" + specialtyId);
    }

    @Override
    public boolean isGuardian(AuthenticatedUser caller, String childId) {
        return guardians.contains(caller.username() + "|" + childId);
    }
}
