package org.pediconsult.platform.internal.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.Principal;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

class BundleListingTest {
    private static Bundle bundle(long id, String symbolicName, String name, String version, int state, long modified) {
        Bundle b = mock(Bundle.class);
        when(b.getBundleId()).thenReturn(id);
        when(b.getSymbolicName()).thenReturn(symbolicName);
        Hashtable<String, String> headers = new Hashtable<>();
        if (name != null) {
            headers.put(Constants.BUNDLE_NAME, name);
        }
        when(b.getHeaders()).thenReturn(headers);
        when(b.getVersion()).thenReturn(Version.parseVersion(version));
        when(b.getState()).thenReturn(state);
        when(b.getLastModified()).thenReturn(modified);
        return b;
    }

    private final Bundle framework = bundle(0, "org.apache.felix.framework", "Apache Felix Framework", "7.0.5", Bundle.ACTIVE, 0);
    private final Bundle video = bundle(41, "org.pediconsult.video", "PediConsult :: Video", "0.1.0.SNAPSHOT", Bundle.ACTIVE, 1_700_000_000_000L);
    private final Bundle consultation = bundle(40, "org.pediconsult.consultation", "PediConsult :: Consultation", "0.1.0.SNAPSHOT", Bundle.RESOLVED, 1_700_000_000_500L);
    private final Bundle thirdParty = bundle(77, "com.example.ent", null, "1.2.3", Bundle.INSTALLED, 0);
    private final Bundle noName = bundle(5, null, null, "0.0.0", Bundle.ACTIVE, 0);
    private final Bundle[] installed = {video, framework, thirdParty, consultation, noName};

    @Test
    void describesIdNamesVersionStateAndLastModified() {
        Map<String, Object> m = BundleListing.describe(video);
        assertEquals(List.of("id", "symbolicName", "name", "version", "state", "lastModified"), List.copyOf(m.keySet()));
        assertEquals(41L, m.get("id"));
        assertEquals("org.pediconsult.video", m.get("symbolicName"));
        assertEquals("PediConsult :: Video", m.get("name"));
        assertEquals("0.1.0.SNAPSHOT", m.get("version"));
        assertEquals("ACTIVE", m.get("state"));
        assertEquals("2023-11-14T22:13:20Z", m.get("lastModified"));
        assertEquals(null, BundleListing.describe(thirdParty).get("name"));
    }

    @Test
    void mapsEveryStateToItsName() {
        assertEquals("INSTALLED", BundleListing.state(Bundle.INSTALLED));
        assertEquals("RESOLVED", BundleListing.state(Bundle.RESOLVED));
        assertEquals("STARTING", BundleListing.state(Bundle.STARTING));
        assertEquals("STOPPING", BundleListing.state(Bundle.STOPPING));
        assertEquals("ACTIVE", BundleListing.state(Bundle.ACTIVE));
        assertEquals("UNINSTALLED", BundleListing.state(Bundle.UNINSTALLED));
        assertEquals("UNKNOWN", BundleListing.state(3));
    }

    @Test
    void listsThePediConsultBundlesSortedBySymbolicName() {
        assertEquals(List.of("org.pediconsult.consultation", "org.pediconsult.video"),
                names(BundleListing.list(installed, Set.of(), false)));
    }

    @Test
    void listsABundleThatProvidesASpecialtyWhateverItsName() {
        assertEquals(List.of("com.example.ent", "org.pediconsult.consultation", "org.pediconsult.video"),
                names(BundleListing.list(installed, Set.of(77L), false)));
    }

    @Test
    void allListsEveryBundleSortedWithoutNameLast() {
        List<Map<String, Object>> all = BundleListing.list(installed, Set.of(), true);
        assertEquals(Arrays.asList("com.example.ent", "org.apache.felix.framework", "org.pediconsult.consultation",
                "org.pediconsult.video", null), names(all));
        assertEquals("INSTALLED", all.get(0).get("state"));
        assertEquals("RESOLVED", all.get(2).get("state"));
    }

    @Test
    void resourceFindsSpecialtyProvidersAndAuditsTheRead() throws Exception {
        BundleContext context = mock(BundleContext.class);
        when(context.getBundles()).thenReturn(installed);
        ServiceReference<?> specialty = mock(ServiceReference.class);
        when(specialty.getBundle()).thenReturn(thirdParty);
        when(context.getAllServiceReferences(BundleListing.SPECIALTY_SERVICE, null))
                .thenReturn(new ServiceReference<?>[] {specialty});
        AuditTrail audit = mock(AuditTrail.class);
        SecurityContext security = mock(SecurityContext.class);
        Principal admin = new AuthenticatedUser("admin", Set.of(Role.INTEGRATION_ADMIN));
        when(security.getUserPrincipal()).thenReturn(admin);

        BundlesResource resource = new BundlesResource(context, audit);
        assertEquals(List.of("com.example.ent", "org.pediconsult.consultation", "org.pediconsult.video"),
                names(resource.bundles(security, false)));
        assertEquals(5, resource.bundles(security, true).size());

        ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit, times(2)).record(entries.capture());
        AuditEntry first = entries.getAllValues().get(0);
        assertEquals("admin", first.actor());
        assertEquals(AuditEntry.Action.READ, first.action());
        assertEquals("bundle-list", first.resourceType());
        assertEquals(null, first.patientId());
        assertEquals("3 bundles", first.detail());
        assertEquals("5 bundles (all)", entries.getAllValues().get(1).detail());
    }

    private static List<String> names(List<Map<String, Object>> list) {
        return list.stream().map(m -> (String) m.get("symbolicName")).collect(Collectors.toList());
    }
}
