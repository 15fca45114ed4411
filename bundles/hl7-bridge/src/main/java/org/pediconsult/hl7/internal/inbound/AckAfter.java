package org.pediconsult.hl7.internal.inbound;

/**
 * When an inbound channel acknowledges a message it will process (ADT A04/A08/A28/A31, ORU R01).
 * <ul>
 * <li>{@link #STORED} (the default, as interface engines do it: "respond before processing"): once the
 * message is checked (header, duplicate, parse, sending facility, the mapping's required fields) and
 * durably stored as RECEIVED; the channel's {@link InboundProcessor} processes it afterwards, in order
 * of arrival, and records PROCESSED or ERROR. An AA means "stored, will be processed".</li>
 * <li>{@link #PROCESSED}: only after processing; AE/AR from processing (unknown patient, the
 * consultation service absent) go back to the sender. An AA means "processed".</li>
 * </ul>
 */
public enum AckAfter {
    STORED,
    PROCESSED
}
