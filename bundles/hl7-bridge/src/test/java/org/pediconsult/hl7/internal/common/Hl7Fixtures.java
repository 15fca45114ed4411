package org.pediconsult.hl7.internal.common;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.NoValidation;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** What the bridge's socket tests share: a migrated in-memory H2, a free port, the channel's parser, a config. */
public final class Hl7Fixtures {
    private Hl7Fixtures() {
    }

    /** A fresh in-memory H2 database with the bridge's tables. */
    public static JdbcDataSource h2() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/hl7").table("flyway_history_hl7").load()
                .migrate();
        return db;
    }

    public static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Parser as a channel sets it up: 2.3-2.8 read into the 2.5.1 model, no validation, in-memory ACK ids. */
    public static PipeParser parser() {
        HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        hapi.setValidationContext(new NoValidation());
        hapi.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
        return hapi.getPipeParser();
    }

    /** A component configuration: the annotation's defaults, overridden by {@code values} (by method name). */
    public static <A> A config(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue()));
    }
}
