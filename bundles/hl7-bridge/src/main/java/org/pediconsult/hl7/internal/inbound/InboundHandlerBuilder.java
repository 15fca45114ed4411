package org.pediconsult.hl7.internal.inbound;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import ca.uhn.hl7v2.parser.PipeParser;
import org.pediconsult.consultation.api.HisObservations;
import org.pediconsult.consultation.api.HisPatients;
import org.pediconsult.hl7.api.Hl7InboundProcessor;
import org.pediconsult.hl7.internal.common.AckMode;

/** The settings of an {@link InboundHandler} ({@link InboundHandler#forChannel}). */
final class InboundHandlerBuilder {
    final String channel;
    final MessageStore store;
    final PipeParser parser;
    AckMode mode = AckMode.ORIGINAL;
    Set<String> allowedFacilities = Set.of();
    int maxBytes = 1_000_000;
    Clock clock = Clock.systemUTC();
    java.util.function.Supplier<HisPatients> patients = () -> null;
    java.util.function.Supplier<HisObservations> observations = () -> null;
    AckAfter ackAfter = AckAfter.PROCESSED;
    ParseBudget budget;
    Hl7Tables tables;
    Function<String, Hl7InboundProcessor> processors = type -> null;
    Function<String, List<Hl7InboundProcessor>> also = type -> List.of();

    InboundHandlerBuilder(String channel, MessageStore store, PipeParser parser) {
        this.channel = channel;
        this.store = store;
        this.parser = parser;
    }

    InboundHandlerBuilder ackMode(AckMode value) {
        this.mode = value;
        return this;
    }

    /** Sending facilities (MSH-4) accepted; empty: any. */
    InboundHandlerBuilder allowedFacilities(Set<String> value) {
        this.allowedFacilities = value;
        return this;
    }

    InboundHandlerBuilder maxBytes(int value) {
        this.maxBytes = value;
        return this;
    }

    InboundHandlerBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    /** The consultation bundle's HIS patient service as it is now (null while absent: ADT is refused AE). */
    InboundHandlerBuilder patients(java.util.function.Supplier<HisPatients> value) {
        this.patients = value;
        return this;
    }

    /** The consultation bundle's observation service as it is now (null while absent: ORU is refused AE). */
    InboundHandlerBuilder observations(java.util.function.Supplier<HisObservations> value) {
        this.observations = value;
        return this;
    }

    InboundHandlerBuilder ackAfter(AckAfter value) {
        this.ackAfter = value;
        return this;
    }

    InboundHandlerBuilder parseBudget(ParseBudget value) {
        this.budget = value;
        return this;
    }

    InboundHandlerBuilder tables(Hl7Tables value) {
        this.tables = value;
        return this;
    }

    /** The processor other bundles contribute for an MSH-9 type the bridge does not process itself. */
    InboundHandlerBuilder processors(Function<String, Hl7InboundProcessor> value) {
        this.processors = value;
        return this;
    }

    /** The "also" processors of an MSH-9 type the bridge processes itself ({@link ContributedProcessors#alsoFor}). */
    InboundHandlerBuilder also(Function<String, List<Hl7InboundProcessor>> value) {
        this.also = value;
        return this;
    }

    InboundHandler build() {
        return new InboundHandler(this, budget != null ? budget : new ParseBudget(FrameLimits.DEFAULTS),
                tables != null ? tables : InboundHandler.hapiTables());
    }
}
