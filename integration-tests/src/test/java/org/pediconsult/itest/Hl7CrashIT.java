package org.pediconsult.itest;

/** {@link Hl7Crash} on the distribution's default database, the embedded H2 in its data folder. */
class Hl7CrashIT extends Hl7Crash {
    @Override
    protected String folder() {
        return "hl7-crash";
    }

    @Override
    protected void useDatabase(KarafProcess karaf) {
        // the embedded H2 under data/, kept across the kill and the restart like the rest of the data folder
    }
}
