package io.tickflow.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.ring.InboundPublisher;

/**
 * An engine's journal directory, opened for one session: locked against a second engine,
 * read once to learn what earlier sessions did (the events to replay, the client order ids
 * they used), and a {@link JournalWriter} appending this session's events to a new segment.
 *
 * <p>Client order ids: this session's first id is above every id an earlier session used
 * and at least {@code idFloor} (the wall clock in nanoseconds, live), so a customTag is
 * never used twice across restarts, and an order at the gateway whose customTag lies in
 * {@code [earliestEarlierId, firstClientOrderId)} is known to be an earlier session's.
 *
 * <p>Opened and replayed on the thread that builds and starts the engine; closed after the
 * ring has stopped.
 */
public final class Journal implements AutoCloseable {
    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final JournalReader.Scan recovered;
    private final long firstClientOrderId;
    private final JournalWriter writer;

    private Journal(Path dir, int segmentBytes, boolean sync, long idFloor, List<String> contractIds) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal directory " + dir, e);
        }
        if (lock == null) {
            closeQuietly();
            throw new IllegalStateException("the journal " + dir + " is in use by another engine");
        }
        try {
            this.recovered = new JournalReader(dir).scan();
            this.firstClientOrderId = Math.max(idFloor, recovered.maxClientOrderId() + 1);
            JournalSession session = new JournalSession(firstClientOrderId, System.currentTimeMillis() * 1_000_000L,
                    ProcessHandle.current().pid(), contractIds);
            this.writer = new JournalWriter(dir, recovered.lastSegment() + 1, segmentBytes, sync, session);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * Opens (creating if needed) the journal in {@code dir} for a session trading
     * {@code contracts}.
     *
     * @param segmentBytes size of each segment file, at least 64 KiB; see {@link #DEFAULT_SEGMENT_BYTES}
     * @param sync         force each batch of records to the disk (see {@link JournalWriter})
     * @param idFloor      the lowest first client order id this session may use
     * @throws JournalCorruptedException if what is there cannot be read
     */
    public static Journal open(Path dir, int segmentBytes, boolean sync, long idFloor, ContractRegistry contracts) {
        List<String> ids = contracts.contracts().stream().map(c -> c.id()).toList();
        return new Journal(dir, segmentBytes, sync, idFloor, ids);
    }

    /** 64 MiB. */
    public static final int DEFAULT_SEGMENT_BYTES = JournalFormat.DEFAULT_SEGMENT;

    public Path dir() {
        return dir;
    }

    /** What the journal held when opened: earlier sessions' events, torn tails, ids. */
    public JournalReader.Scan recovered() {
        return recovered;
    }

    /** This session's first client order id. */
    public long firstClientOrderId() {
        return firstClientOrderId;
    }

    /** The lowest client order id an earlier session used, or {@code Long.MAX_VALUE} if there was none. */
    public long earliestEarlierId() {
        return recovered.earliestClientOrderId();
    }

    public JournalWriter writer() {
        return writer;
    }

    /** Publishes the earlier sessions' events into the ring (see {@link JournalReplay}). */
    public JournalReplay.Result replay(ContractRegistry contracts, InboundPublisher publisher) {
        return JournalReplay.replay(dir, recovered.lastSegment(), contracts, publisher);
    }

    @Override
    public void close() {
        writer.close();
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the channel, and the channel with the process
        }
    }
}
