package io.tickflow.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;


import io.tickflow.engine.ring.InboundEvent;

/**
 * Reads a journal directory's segments in order, checking each record's length and
 * checksum. A record that fails with nothing but zeros after it is a torn tail (the process
 * died while writing it): it is counted and skipped, and reading goes on with the next
 * segment. A record that fails with data after it, or a bad header, is corruption: a
 * {@link JournalCorruptedException} naming the file and offset.
 *
 * <p>Any thread; one reader per pass. Decoding reuses one event slot: a handler must copy
 * what it keeps.
 */
public final class JournalReader {

    /** What a pass over the journal receives, in journal order. */
    public interface Handler {
        /** A session began: its events follow. */
        default void onSession(JournalSession session) {
        }

        /** An event of {@code session}; {@code e} is valid only during the call. */
        void onEvent(InboundEvent e, JournalSession session);
    }

    /**
     * What a pass found.
     *
     * @param segments          segment files read
     * @param lastSegment       the highest segment index, 0 if none
     * @param events            event records read
     * @param tornTails         torn last records skipped
     * @param sessions          sessions, oldest first
     * @param maxClientOrderId  the highest client order id in any event or session (0 if none)
     */
    public record Scan(int segments, int lastSegment, long events, int tornTails, List<JournalSession> sessions,
                       long maxClientOrderId) {
        /** The first client order id any earlier session used, or {@code Long.MAX_VALUE} if none. */
        public long earliestClientOrderId() {
            return sessions.stream().mapToLong(JournalSession::firstClientOrderId).min().orElse(Long.MAX_VALUE);
        }
    }

    private final Path dir;
    private final int lastSegment;

    public JournalReader(Path dir) {
        this(dir, Integer.MAX_VALUE);
    }

    /** A reader of the segments up to {@code lastSegment}: what was there before a session began its own. */
    public JournalReader(Path dir, int lastSegment) {
        this.dir = dir;
        this.lastSegment = lastSegment;
    }

    /** Reads without handing events anywhere: for the figures and the ids. */
    public Scan scan() {
        return read((e, s) -> {
        });
    }

    /** Reads every segment, handing sessions and events to {@code handler}. */
    public Scan read(Handler handler) {
        List<Path> files = segments(dir);
        InboundEvent slot = new InboundEvent();
        List<JournalSession> sessions = new ArrayList<>();
        long[] counts = new long[3];
        int last = 0;
        for (Path file : files) {
            int index = JournalFormat.segmentIndex(file.getFileName().toString());
            if (index > lastSegment) {
                continue;
            }
            last = Math.max(last, index);
            readSegment(file, handler, slot, sessions, counts);
        }
        int read = (int) files.stream()
                .filter(f -> JournalFormat.segmentIndex(f.getFileName().toString()) <= lastSegment).count();
        return new Scan(read, last, counts[0], (int) counts[1], List.copyOf(sessions), counts[2]);
    }

    /** The segment files of {@code dir}, in index order; none if it does not exist. */
    static List<Path> segments(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> JournalFormat.segmentIndex(p.getFileName().toString()) > 0)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal directory " + dir, e);
        }
    }

    private static void readSegment(Path file, Handler handler, InboundEvent slot, List<JournalSession> sessions,
                                    long[] counts) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal segment " + file, e);
        }
        if (size < JournalFormat.HEADER_LENGTH) {
            // created but never written: a process killed while opening its segment
            return;
        }
        if (size > Integer.MAX_VALUE) {
            throw new JournalCorruptedException(file + ": " + size + " bytes is larger than any segment");
        }
        MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map journal segment " + file, e);
        }
        try {
            ByteBuffer b = mapped.order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer view = mapped.duplicate();
            CRC32C crc = new CRC32C();
            checkHeader(file, b);
            int limit = (int) Math.min(size, b.getInt(20));
            int p = JournalFormat.HEADER_LENGTH;
            JournalSession session = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
            while (p + JournalFormat.RECORD_HEADER <= limit) {
                int length = (int) JournalFormat.INT.getAcquire(b, p);
                int payload = p + JournalFormat.RECORD_HEADER;
                boolean bad = length < 0 || length > limit - payload
                        || (length > 0 && b.getInt(p + 4) != JournalFormat.checksum(crc, view, payload, length));
                if (length == 0 || bad) {
                    // the length is written last: a record being written when the process died is either
                    // invisible (length 0, perhaps with some payload bytes) or fails its checksum; either way
                    // nothing can follow it further than one record away
                    int near = (int) Math.min(limit, (long) p + JournalFormat.MAX_RECORD);
                    if (!onlyZerosAfter(b, near, limit)) {
                        throw new JournalCorruptedException(file + " at byte " + p + ": a record (length " + length
                                + ") is " + (bad ? "damaged" : "missing") + " and more records follow it: the journal "
                                + "is corrupted. Move the directory aside to start without it.");
                    }
                    if (bad || !onlyZerosAfter(b, p, near)) {
                        counts[1]++;
                    }
                    break;
                }
                if (b.get(payload) == JournalFormat.KIND_SESSION) {
                    session = readSession(b, payload);
                    sessions.add(session);
                    counts[2] = Math.max(counts[2], session.firstClientOrderId());
                    handler.onSession(session);
                } else {
                    if (session == null) {
                        throw new JournalCorruptedException(file + " at byte " + p
                                + ": events before any session record");
                    }
                    try {
                        EventCodec.decode(b, payload, slot);
                    } catch (IllegalArgumentException e) {
                        throw new JournalCorruptedException(file + " at byte " + p + ": " + e.getMessage());
                    }
                    counts[0]++;
                    counts[2] = Math.max(counts[2], slot.clientOrderId);
                    handler.onEvent(slot, session);
                }
                p = JournalFormat.align(payload + length);
            }
        } finally {
            JournalFormat.unmap(mapped);
        }
    }

    private static void checkHeader(Path file, ByteBuffer b) {
        if (b.getInt(0) != JournalFormat.MAGIC) {
            throw new JournalCorruptedException(file + " is not a tickflow journal segment (bad magic)");
        }
        if (b.getInt(4) != JournalFormat.VERSION) {
            throw new JournalCorruptedException(file + " has journal format version " + b.getInt(4)
                    + "; this build reads version " + JournalFormat.VERSION);
        }
        if (b.getLong(8) != JournalFormat.FINGERPRINT) {
            throw new JournalCorruptedException(file + " was written by a build whose event enums differ from this "
                    + "one's; it cannot be replayed safely");
        }
    }

    private static boolean onlyZerosAfter(ByteBuffer b, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    static JournalSession readSession(ByteBuffer b, int payload) {
        int p = payload + 1;
        long first = b.getLong(p);
        long started = b.getLong(p + 8);
        long pid = b.getLong(p + 16);
        int n = b.getInt(p + 24);
        p += 28;
        List<String> ids = new ArrayList<>(n);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int len = b.getShort(p);
            sb.setLength(0);
            for (int c = 0; c < len; c++) {
                sb.append(b.getChar(p + 2 + 2 * c));
            }
            ids.add(sb.toString());
            p += 2 + 2 * len;
        }
        return new JournalSession(first, started, pid, ids);
    }
}
