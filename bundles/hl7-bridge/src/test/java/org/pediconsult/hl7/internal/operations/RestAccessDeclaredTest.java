package org.pediconsult.hl7.internal.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.rest.RestResourceScan;

/**
 * Every REST method of this bundle declares who may call it (@RequiresRole, @Authenticated or
 * @PublicEndpoint, on the method or its class): the endpoint would refuse to serve the resource otherwise.
 */
class RestAccessDeclaredTest {
    @Test
    void everyRestMethodDeclaresWhoMayCallIt() throws Exception {
        List<Class<?>> resources = new ArrayList<>();
        List<String> undeclared = RestResourceScan.undeclaredUnder(Paths.get("target/classes"), resources);
        assertFalse(resources.isEmpty(), "this bundle's REST resources were found under target/classes");
        assertEquals(List.of(), undeclared, "REST methods that declare nobody who may call them");
    }
}
