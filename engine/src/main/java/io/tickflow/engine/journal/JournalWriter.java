package io.tickflow.engine.journal;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.zip.CRC32C;

import com.lmax.disruptor.EventHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.engine.ring.ControlAction;
import io.tickflow.engine.ring.EventType;
import io.tickflow.engine.ring.InboundEvent;

/**
 * Appends every inbound event to the journal: a consumer of the inbound ring running in
 * parallel with the engine thread, on its own thread, so the engine never waits for it (the
 * ring's producers do, if it ever falls a whole ring behind). Each session starts a new
 * segment file whose first record is its {@link JournalSession}; segments are memory-mapped
 * at full size and a record that would not fit rolls over to the next one. A record is
 * written payload first, then its checksum, then its length with release semantics, so the
 * page cache (which outlives a {@code kill -9}) never holds a visible half record. By default
 * nothing is forced to the disk: the journal survives the process dying, not the machine
 * losing power (the gateway's reconciliation covers what a lost tail would have held). With
 * {@code sync}, the records of each batch the ring hands over are forced to the disk (an msync
 * of just the bytes written since the last one) before the writer takes the next batch: on
 * this thread, so the engine thread never waits for the disk, though producers may once the
 * writer falls a whole ring behind.
 *
 * <p>Not journalled: TIMER events (time passing carries no state to rebuild) and the events
 * between {@link ControlAction#REPLAY_BEGIN} and {@link ControlAction#REPLAY_END} (they are
 * the journal being replayed). Allocation-free per event; only rollover allocates. Runs on the
 * journal thread; the figures may be read from any thread.
 */
public final class JournalWriter implements EventHandler<InboundEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);

    private final Path dir;
    private final int segmentBytes;
    private final boolean sync;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    private ByteBuffer buffer = NOTHING;
    private MappedByteBuffer mapped;
    private ByteBuffer view;
    private final CRC32C crc = new CRC32C();
    private File file;
    private int segment;
    private int position;
    private boolean skipping;
    private boolean failed;
    private int forcedUpTo;
    private boolean forceFailed;
    private volatile long forces;
    private volatile long journalled;
    private volatile long failures;
    private volatile int segmentsWritten;
    private volatile Thread thread;
    private volatile CountDownLatch hold;

    /**
     * Opens segment {@code firstSegment} in {@code dir} and writes {@code session} to it at
     * once, on the calling thread, before any event.
     *
     * @param segmentBytes the size of each segment file (at least 64 KiB)
     */
    public JournalWriter(Path dir, int firstSegment, int segmentBytes, JournalSession session) {
        this(dir, firstSegment, segmentBytes, false, session);
    }

    /**
     * As {@link #JournalWriter(Path, int, int, JournalSession)}, forcing each batch of records to
     * the disk if {@code sync}.
     */
    public JournalWriter(Path dir, int firstSegment, int segmentBytes, boolean sync, JournalSession session) {
        this.sync = sync;
        if (segmentBytes < JournalFormat.MIN_SEGMENT) {
            throw new IllegalArgumentException("journal segments must be at least " + JournalFormat.MIN_SEGMENT
                    + " bytes, were " + segmentBytes);
        }
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + dir, e);
        }
        this.segment = firstSegment - 1;
        roll();
        writeSession(session);
        force();
    }

    /** Event records written so far in this session. */
    public long journalled() {
        return journalled;
    }

    /** Events that could not be written (a full disk, say); each was logged. */
    public long failures() {
        return failures;
    }

    /** How often records were forced to the disk (0 without {@code sync}). */
    public long forces() {
        return forces;
    }

    /** Segment files this session has written to. */
    public int segmentsWritten() {
        return segmentsWritten;
    }

    /** The thread that writes the journal (null until the first event). */
    public Thread thread() {
        return thread;
    }

    /** Tests only: the writer waits for {@code latch} before its next record, to show the engine does not. */
    void holdUntil(CountDownLatch latch) {
        this.hold = latch;
    }

    @Override
    public void onStart() {
        thread = Thread.currentThread();
    }

    @Override
    public void onEvent(InboundEvent e, long sequence, boolean endOfBatch) {
        append(e);
        if (endOfBatch) {
            force();
        }
    }

    private void append(InboundEvent e) {
        thread = Thread.currentThread();
        CountDownLatch h = hold;
        if (h != null) {
            awaitQuietly(h);
            hold = null;
        }
        if (e.type == EventType.CONTROL && e.controlAction == ControlAction.REPLAY_BEGIN) {
            skipping = true;
            return;
        }
        if (e.type == EventType.CONTROL && e.controlAction == ControlAction.REPLAY_END) {
            skipping = false;
            return;
        }
        if (skipping || e.type == EventType.TIMER || e.type == null) {
            return;
        }
        if (failed && !tryRecover()) {
            failures++;
            return;
        }
        if (position + JournalFormat.MAX_RECORD > buffer.capacity() && !tryRoll()) {
            failures++;
            return;
        }
        int payload = position + JournalFormat.RECORD_HEADER;
        int length = EventCodec.encode(e, buffer, payload);
        commit(length);
        journalled++;
    }

    /** With {@code sync}: the bytes written since the last force, to the disk. */
    private void force() {
        if (!sync || mapped == null || position == forcedUpTo) {
            return;
        }
        try {
            mapped.force(forcedUpTo, position - forcedUpTo);
            forcedUpTo = position;
            forces++;
        } catch (UncheckedIOException ex) {
            failures++;
            if (!forceFailed) {
                forceFailed = true;
                LOG.error("cannot force journal segment {} to the disk; its records are in the page cache only "
                        + "(counted as failures, logged once a segment)", file, ex);
            }
        }
    }

    private void commit(int length) {
        int payload = position + JournalFormat.RECORD_HEADER;
        buffer.putInt(position + 4, JournalFormat.checksum(crc, view, payload, length));
        JournalFormat.INT.setRelease(buffer, position, length);
        position = JournalFormat.align(payload + length);
    }

    private void writeSession(JournalSession s) {
        int p = position + JournalFormat.RECORD_HEADER;
        int start = p;
        buffer.put(p, JournalFormat.KIND_SESSION);
        buffer.putLong(p + 1, s.firstClientOrderId());
        buffer.putLong(p + 9, s.startedNanos());
        buffer.putLong(p + 17, s.pid());
        buffer.putInt(p + 25, s.contractIds().size());
        p += 29;
        for (String id : s.contractIds()) {
            if (p + 2 + 2 * id.length() > buffer.capacity() - 64) {
                throw new IllegalArgumentException("too many contracts for one journal session record");
            }
            buffer.putShort(p, (short) id.length());
            for (int i = 0; i < id.length(); i++) {
                buffer.putChar(p + 2 + 2 * i, id.charAt(i));
            }
            p += 2 + 2 * id.length();
        }
        commit(p - start);
    }

    private boolean tryRoll() {
        try {
            roll();
            return true;
        } catch (RuntimeException ex) {
            LOG.error("cannot start journal segment {} in {}; events are not journalled until it can", segment + 1,
                    dir, ex);
            failed = true;
            return false;
        }
    }

    private boolean tryRecover() {
        if (failures % 10_000 != 0) {
            return false;
        }
        failed = !tryRoll();
        return !failed;
    }

    /** Finishes the current segment (if any) and maps the next one, its header written. */
    private void roll() {
        finishSegment();
        int next = segment + 1;
        File f = dir.resolve(JournalFormat.segmentName(next)).toFile();
        if (f.exists()) {
            throw new IllegalStateException("journal segment " + f + " exists already: another engine is writing "
                    + "this journal, or the directory was scanned before it was written");
        }
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            raf.setLength(segmentBytes);
            MappedByteBuffer m = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, segmentBytes);
            segment = next;
            mapped = m;
            file = f;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot map journal segment " + f, ex);
        }
        mapped.order(ByteOrder.LITTLE_ENDIAN);
        buffer = mapped;
        view = mapped.duplicate();
        buffer.putInt(4, JournalFormat.VERSION);
        buffer.putLong(8, JournalFormat.FINGERPRINT);
        buffer.putInt(16, segment);
        buffer.putInt(20, segmentBytes);
        buffer.putLong(24, System.currentTimeMillis() * 1_000_000L);
        JournalFormat.INT.setRelease(buffer, 0, JournalFormat.MAGIC);
        position = JournalFormat.HEADER_LENGTH;
        forcedUpTo = 0;
        forceFailed = false;
        segmentsWritten++;
    }

    /** Unmaps the current segment and cuts its file to what was written (the rest is zeros anyway). */
    private void finishSegment() {
        if (mapped == null) {
            return;
        }
        force();
        MappedByteBuffer m = mapped;
        int used = position;
        mapped = null;
        view = null;
        buffer = NOTHING;
        if (!JournalFormat.unmap(m)) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
            raf.setLength(used);
        } catch (IOException ex) {
            LOG.warn("could not trim journal segment {} to its {} bytes", file, used, ex);
        }
    }

    @Override
    public void onShutdown() {
        close();
    }

    /** Finishes the segment. Call on the journal thread (the ring does, at shutdown) or once the ring has stopped. */
    @Override
    public synchronized void close() {
        finishSegment();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
