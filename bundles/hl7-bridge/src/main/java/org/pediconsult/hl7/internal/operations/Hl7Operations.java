package org.pediconsult.hl7.internal.operations;

import java.util.List;
import java.util.Map;

/** What the shell commands show: the same views as {@code /api/hl7}. */
public interface Hl7Operations {
    List<Map<String, Object>> channels();

    List<Map<String, Object>> search(String actor, String type, String outcome, int limit);

    /** Processes a stored ERROR or REJECTED inbound message again; ProblemException when it cannot be. */
    Map<String, Object> reprocess(String actor, long id);

    /** Queues a parked outbound message again; ProblemException when it cannot be. */
    Map<String, Object> resend(String actor, long id);

    /** Applies the retention policy now. */
    Map<String, Object> prune(String actor);
}
