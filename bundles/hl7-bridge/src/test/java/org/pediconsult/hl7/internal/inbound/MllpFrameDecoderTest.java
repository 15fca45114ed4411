package org.pediconsult.hl7.internal.inbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** The bounded MLLP framing on Netty's embedded channel: frames as they arrive over TCP, in any cut. */
class MllpFrameDecoderTest {
    private static byte[] frame(String payload) {
        return MllpTestClient.frame(payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void writeInChunks(EmbeddedChannel ch, byte[] bytes, int chunk) {
        for (int i = 0; i < bytes.length; i += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes, i, Math.min(chunk, bytes.length - i)));
        }
    }

    private static String text(Object payload) {
        return new String((byte[]) payload, StandardCharsets.UTF_8);
    }

    @Test
    void framesSplitAndCoalescedComeOutWholeAndInOrder() {
        EmbeddedChannel ch = new EmbeddedChannel(new MllpFrameDecoder(100, 20));
        byte[] both = concat(frame("MSH|^~\\&|A"), frame("MSH|^~\\&|B"), frame("MSH|^~\\&|C"));
        writeInChunks(ch, both, 5);
        assertEquals("MSH|^~\\&|A", text(ch.readInbound()));
        assertEquals("MSH|^~\\&|B", text(ch.readInbound()));
        assertEquals("MSH|^~\\&|C", text(ch.readInbound()));
        assertNull(ch.readInbound());
        ch.writeInbound(Unpooled.wrappedBuffer(concat(frame("D"), frame("E"))));
        assertEquals("D", text(ch.readInbound()));
        assertEquals("E", text(ch.readInbound()));
    }

    @Test
    void aFrameOfExactlyTheLimitPassesAndOneByteMoreIsOversized() {
        EmbeddedChannel ch = new EmbeddedChannel(new MllpFrameDecoder(10, 4));
        ch.writeInbound(Unpooled.wrappedBuffer(concat(frame("0123456789"), frame("0123456789X"), frame("ok"))));
        assertEquals("0123456789", text(ch.readInbound()));
        MllpFrameDecoder.OversizedFrame over = (MllpFrameDecoder.OversizedFrame) ch.readInbound();
        assertEquals(11, over.length());
        assertArrayEquals("0123".getBytes(StandardCharsets.US_ASCII), over.head());
        assertEquals("ok", text(ch.readInbound()), "in step with the sender after the oversized frame");
    }

    @Test
    void anOversizedFrameInSmallPiecesWithEndBytesInsideAndSplitIsCountedAndTheNextFrameFollows() {
        EmbeddedChannel ch = new EmbeddedChannel(new MllpFrameDecoder(100, 20));
        StringBuilder big = new StringBuilder("MSH|^~\\&|BIG|");
        while (big.length() < 1000) {
            big.append("x\u001cy\u001c"); // FS inside the payload, not followed by CR
        }
        byte[] all = concat(frame(big.toString()), frame("MSH|^~\\&|NEXT"));
        for (int chunk : new int[] {1, 2, 3, 7, 64}) {
            writeInChunks(ch, all, chunk);
            MllpFrameDecoder.OversizedFrame over = (MllpFrameDecoder.OversizedFrame) ch.readInbound();
            assertEquals(big.length(), over.length(), "length with chunks of " + chunk);
            assertEquals(big.substring(0, 20), new String(over.head(), StandardCharsets.US_ASCII));
            assertEquals("MSH|^~\\&|NEXT", text(ch.readInbound()), "chunks of " + chunk);
            assertNull(ch.readInbound());
        }
    }

    @Test
    void tenMegabytesWithoutEndBlockAreNeverBuffered() {
        MllpFrameDecoder decoder = new MllpFrameDecoder(1000, 100);
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {MllpFrameDecoder.VT}));
        byte[] chunk = new byte[1000];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 10_000; i++) {
            ch.writeInbound(Unpooled.wrappedBuffer(chunk));
            assertTrue(decoder.held() <= 2 * chunk.length, "held " + decoder.held());
        }
        assertNull(ch.readInbound(), "nothing passed on before the end block");
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {MllpFrameDecoder.FS, MllpFrameDecoder.CR}));
        assertEquals(10_000_000L, ((MllpFrameDecoder.OversizedFrame) ch.readInbound()).length());
    }

    @Test
    void whileAFrameWithinTheLimitIsIncompleteAtMostTheLimitIsHeld() {
        MllpFrameDecoder decoder = new MllpFrameDecoder(5000, 100);
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        byte[] whole = frame("x".repeat(4000));
        writeInChunks(ch, java.util.Arrays.copyOf(whole, whole.length - 2), 100);
        assertNull(ch.readInbound());
        assertTrue(decoder.held() <= 5001);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {MllpFrameDecoder.FS, MllpFrameDecoder.CR}));
        assertEquals(4000, ((byte[]) ch.readInbound()).length);
    }

    @Test
    void bytesOutsideAFrameAreSkippedAndAnEmptyFrameIsPassedOn() {
        EmbeddedChannel ch = new EmbeddedChannel(new MllpFrameDecoder(100, 20));
        ch.writeInbound(Unpooled.wrappedBuffer(concat("noise\r\n".getBytes(StandardCharsets.US_ASCII), frame(""),
                "\u001c\r".getBytes(StandardCharsets.US_ASCII), frame("A"))));
        assertEquals(0, ((byte[]) ch.readInbound()).length);
        assertEquals("A", text(ch.readInbound()));
        assertNull(ch.readInbound());
    }

    @Test
    void aConnectionClosedInsideAnOversizedFramePassesNothingOn() {
        EmbeddedChannel ch = new EmbeddedChannel(new MllpFrameDecoder(10, 4));
        ch.writeInbound(Unpooled.wrappedBuffer(concat(new byte[] {MllpFrameDecoder.VT}, new byte[100])));
        ch.finish();
        assertNull(ch.readInbound(), "a frame that never ended is not answered");
    }
}
