package org.pediconsult.hl7.internal;

import java.util.List;
import java.util.Map;

/** What the shell commands show: the same views as {@code /api/hl7}. */
public interface Hl7Operations {
    List<Map<String, Object>> channels();

    List<Map<String, Object>> search(String actor, String type, String outcome, int limit);
}
