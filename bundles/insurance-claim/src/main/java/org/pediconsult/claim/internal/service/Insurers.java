package org.pediconsult.claim.internal.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.pediconsult.claim.api.InsurerAdapter;

/** The insurer adapters registered now, by payer (the whiteboard): a hospital adds one without touching this bundle. */
@Component(service = Insurers.class)
public class Insurers {
    private final Map<String, InsurerAdapter> byPayer = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void add(InsurerAdapter adapter, Map<String, Object> props) {
        Object payer = props.get(InsurerAdapter.PAYER);
        if (payer != null) {
            byPayer.putIfAbsent(payer.toString(), adapter);
        }
    }

    void remove(InsurerAdapter adapter, Map<String, Object> props) {
        Object payer = props.get(InsurerAdapter.PAYER);
        if (payer != null) {
            byPayer.remove(payer.toString(), adapter);
        }
    }

    /** The adapter of a payer, or null. */
    public InsurerAdapter of(String payer) {
        return payer == null ? null : byPayer.get(payer);
    }
}
