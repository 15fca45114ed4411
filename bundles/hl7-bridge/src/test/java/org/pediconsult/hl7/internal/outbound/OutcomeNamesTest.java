package org.pediconsult.hl7.internal.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.hl7.internal.inbound.InboundOutcome;
import org.pediconsult.hl7.internal.store.Retention;

/** The enums name what is stored in VARCHAR columns: their names must stay what the rows already hold. */
class OutcomeNamesTest {
    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @Test
    void theStoredNamesAreTheOnesTheRowsHold() {
        assertEquals(List.of("RECEIVED", "PROCESSED", "ACCEPTED", "ERROR", "REJECTED", "DUPLICATE"),
                names(InboundOutcome.values()));
        assertEquals(List.of("QUEUED", "SENT", "PARKED"), names(OutboundOutcome.values()));
        assertEquals(List.of("PENDING", "SENT", "PARKED"), names(OutboundState.values()));
        assertEquals(List.of("IDLE", "SENDING", "RETRYING", "STANDBY"), names(ChannelActivity.Activity.values()));
    }

    @Test
    void eachDeliveryStateShowsItsOutcomeOnTheMessageRow() {
        assertEquals(OutboundOutcome.QUEUED, OutboundState.PENDING.outcome());
        assertEquals(OutboundOutcome.SENT, OutboundState.SENT.outcome());
        assertEquals(OutboundOutcome.PARKED, OutboundState.PARKED.outcome());
    }

    @Test
    void retentionDeletesTheSameOutcomesAsBefore() {
        assertEquals("('PROCESSED', 'ACCEPTED', 'DUPLICATE', 'SENT')", Retention.FINISHED);
        assertEquals("('ERROR', 'REJECTED', 'PARKED')", Retention.FAILED);
    }
}
