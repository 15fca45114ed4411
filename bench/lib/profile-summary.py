#!/usr/bin/env python3
"""Summary of an async-profiler profile in collapsed form (bench/startup-profile.sh, bench/booking.sh PROFILE=...):
samples per thread, then the frames of PediConsult's code and of the big libraries (start-up, JDBC commits, JSON,
CXF) that most samples pass through (inclusive)."""
import collections
import re
import sys

INTERESTING = re.compile(
    r"org/pediconsult/[^;]*\.(<init>|<clinit>|activate|start|migrate|modified|[a-z][A-Za-z]*)$"
    r"|org/flywaydb/core/Flyway\.migrate$"
    r"|org/apache/camel/impl/engine/AbstractCamelContext\.(start|doStart|build|init)$"
    r"|org/apache/cxf/endpoint/ServerImpl\.<init>$|org/apache/cxf/jaxrs/JAXRSServerFactoryBean\.create$"
    r"|org/apache/activemq/broker/BrokerService\.start$"
    r"|org/apache/felix/scr/impl/manager/[^;]*\.activateInternal$"
    r"|org/apache/karaf/features/internal/service/FeaturesServiceImpl\.doProvision$"
    r"|org/eclipse/jetty/server/Server\.doStart$"
    r"|ca/uhn/hl7v2/[^;]*\.<clinit>$|ca/uhn/hl7v2/DefaultHapiContext\.<init>$"
    r"|java/lang/ClassLoader\.loadClass$|org/apache/felix/framework/BundleWiringImpl\.findClassOrResourceByDelegation$"
    r"|org/h2/engine/Engine\.openSession$"
    r"|org/h2/jdbc/JdbcConnection\.commit$|org/h2/mvstore/MVStore\.commit$|sun/nio/ch/FileDispatcherImpl\.force0$"
    r"|org/postgresql/jdbc/PgConnection\.commit$|org/postgresql/core/v3/QueryExecutorImpl\.execute$"
    r"|com/fasterxml/jackson/databind/ObjectMapper\.(readValue|writeValue)$"
    r"|org/apache/cxf/transport/http/AbstractHTTPDestination\.invoke$|org/apache/cxf/phase/PhaseInterceptorChain\.doIntercept$"
    r"|org/eclipse/jetty/server/HttpChannel\.handle$"
)


def main():
    threads, frames, total = collections.Counter(), collections.Counter(), 0
    with open(sys.argv[1]) as f:
        for line in f:
            stack, _, n = line.rstrip("\n").rpartition(" ")
            if not stack:
                continue
            n = int(n)
            total += n
            parts = stack.split(";")
            threads[re.sub(r"\d+", "N", re.sub(r" ?tid=\d+", "", parts[0]))] += n
            for fr in set(parts[1:]):
                if INTERESTING.search(fr):
                    frames[fr] += n
    print("samples: %d (1 ms each)" % total)
    print("\nthreads (numbers folded):")
    for t, n in threads.most_common(15):
        print("  %6d  %5.1f%%  %s" % (n, 100.0 * n / total, t))
    print("\nframes (inclusive):")
    for fr, n in frames.most_common(40):
        print("  %6d  %5.1f%%  %s" % (n, 100.0 * n / total, fr))


if __name__ == "__main__":
    main()
