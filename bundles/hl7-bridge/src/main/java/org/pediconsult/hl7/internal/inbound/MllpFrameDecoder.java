package org.pediconsult.hl7.internal.inbound;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.apache.camel.component.netty.ChannelHandlerFactory;

/**
 * MLLP framing (start block 0x0b, payload, end block 0x1c 0x0d) that never holds more of a frame than
 * {@code max.message.bytes} plus one socket read. camel-hl7's decoder, which this replaces inbound,
 * buffers a frame of any length until its end block comes (its limit is Integer.MAX_VALUE), so one
 * sender could fill the heap.
 *
 * <p>A frame within the limit becomes its payload as {@code byte[]} (as camel-hl7's decoder gives it
 * with produceString=false and no LF rewriting). A longer frame is not buffered: its first bytes
 * (enough for the MSH segment) are kept, the rest is counted and dropped as it arrives until the end
 * block, and then one {@link OversizedFrame} is passed on, so the handler answers AR in order and the
 * connection stays in step with the sender. Bytes outside a frame (before a start block) are skipped,
 * as camel-hl7 does. One decoder per connection ({@link Factory}).
 */
final class MllpFrameDecoder extends ByteToMessageDecoder {
    static final byte VT = 0x0b;
    static final byte FS = 0x1c;
    static final byte CR = 0x0d;
    /** How much of an oversized frame is kept for the stored row and the ACK's addressing. */
    static final int KEEP_BYTES = 64 * 1024;

    /** A frame longer than the limit: its first bytes and the length of its whole payload. */
    record OversizedFrame(byte[] head, long length) {
    }

    private final int maxBytes;
    private final int keepBytes;
    /** Non-null while the rest of an oversized frame is being skipped. */
    private byte[] head;
    private long skipped;
    /** Skipping, and the previous read ended with FS: a CR first in the next read ends the frame. */
    private boolean pendingFs;
    /** Payload bytes of the frame being collected already searched for the end block. */
    private int searched;

    MllpFrameDecoder(int maxBytes, int keepBytes) {
        this.maxBytes = maxBytes;
        this.keepBytes = Math.min(keepBytes, maxBytes);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (head != null) {
                if (!skip(in, out)) {
                    return;
                }
                continue;
            }
            int vt = in.indexOf(in.readerIndex(), in.writerIndex(), VT);
            if (vt < 0) {
                in.skipBytes(in.readableBytes()); // noise between frames
                searched = 0;
                return;
            }
            if (vt != in.readerIndex()) {
                in.readerIndex(vt);
                searched = 0;
            }
            int payloadStart = vt + 1;
            int end = indexOfEnd(in, Math.max(payloadStart, payloadStart + searched - 1));
            if (end >= 0 && end - payloadStart <= maxBytes) {
                byte[] payload = new byte[end - payloadStart];
                in.getBytes(payloadStart, payload);
                in.readerIndex(end + 2);
                searched = 0;
                out.add(payload);
                continue;
            }
            int available = in.writerIndex() - payloadStart;
            if (end < 0 && available <= maxBytes) {
                searched = available; // wait for more: at most maxBytes (+ one read) held
                return;
            }
            // too long: keep the beginning, skip the rest (an end block already here is found by skip)
            head = new byte[Math.min(keepBytes, available)];
            in.getBytes(payloadStart, head);
            skipped = head.length;
            searched = 0;
            in.readerIndex(payloadStart + head.length);
        }
    }

    /** Skips what is buffered of an oversized frame; true when its end block was found (marker passed on). */
    private boolean skip(ByteBuf in, List<Object> out) {
        if (pendingFs) {
            pendingFs = false;
            if (in.getByte(in.readerIndex()) == CR) {
                in.skipBytes(1);
                finishOversized(out);
                return true;
            }
            skipped++; // that FS was payload
        }
        int end = indexOfEnd(in, in.readerIndex());
        if (end >= 0) {
            skipped += end - in.readerIndex();
            in.readerIndex(end + 2);
            finishOversized(out);
            return true;
        }
        int n = in.readableBytes();
        if (in.getByte(in.writerIndex() - 1) == FS) {
            pendingFs = true;
            n--;
        }
        skipped += n;
        in.skipBytes(in.readableBytes());
        return false;
    }

    /** Bytes received and not yet passed on or dropped (for tests: the bound on what a connection holds). */
    int held() {
        return actualReadableBytes();
    }

    private void finishOversized(List<Object> out) {
        out.add(new OversizedFrame(head, skipped));
        head = null;
        skipped = 0;
    }

    /** Index of an FS followed by CR at or after {@code from}, or -1. */
    private static int indexOfEnd(ByteBuf in, int from) {
        while (true) {
            int fs = in.indexOf(from, in.writerIndex(), FS);
            if (fs < 0 || fs + 1 >= in.writerIndex()) {
                return -1;
            }
            if (in.getByte(fs + 1) == CR) {
                return fs;
            }
            from = fs + 1;
        }
    }

    /** A decoder per connection, for the endpoint's {@code decoders} option. */
    static final class Factory extends ChannelHandlerAdapter implements ChannelHandlerFactory {
        private final int maxBytes;

        Factory(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public ChannelHandler newChannelHandler() {
            return new MllpFrameDecoder(maxBytes, KEEP_BYTES);
        }
    }
}
