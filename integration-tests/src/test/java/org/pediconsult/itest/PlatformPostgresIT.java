package org.pediconsult.itest;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The platform switched to PostgreSQL by configuration only (etc/org.ops4j.datasource-pediconsult.cfg):
 * migrations, outbox and audit run against a real server. The server, database and user come from
 * {@code .ci/postgres-setup} (or -Dpediconsult.it.postgres.url/user/password).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformPostgresIT extends PlatformBehaviour {
    private static final String CFG = "etc/org.ops4j.datasource-pediconsult.cfg";

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            systemProperty("pediconsult.it.database").value("PostgreSQL"),
            editConfigurationFilePut(CFG, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            editConfigurationFilePut(CFG, "url", System.getProperty("pediconsult.it.postgres.url")),
            editConfigurationFilePut(CFG, "user", System.getProperty("pediconsult.it.postgres.user")),
            editConfigurationFilePut(CFG, "password", System.getProperty("pediconsult.it.postgres.password")),
        };
    }

}
