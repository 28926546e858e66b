package io.tickflow.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.AccountUpdateTranslator;
import io.tickflow.engine.ring.BarTranslator;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.CommandResultTranslator;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.ring.ConnectionStateTranslator;
import io.tickflow.engine.ring.ControlAction;
import io.tickflow.engine.ring.ControlTranslator;
import io.tickflow.engine.ring.DepthTranslator;
import io.tickflow.engine.ring.EventType;
import io.tickflow.engine.ring.FillTranslator;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.OrderUpdateTranslator;
import io.tickflow.engine.ring.PositionUpdateTranslator;
import io.tickflow.engine.ring.QuoteFields;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TimerTranslator;
import io.tickflow.engine.ring.TradeTranslator;

/** The journal's files: what goes in comes out, a torn tail is dropped, damage in the middle is reported, segments roll. */
class JournalFileTest {
    private static final JournalSession SESSION = new JournalSession(1_000, 42, 7, List.of("CON.F.US.EP.Z26",
            "CON.F.US.ENQ.Z26"));

    static List<InboundEvent> everyKind() {
        List<EventTranslator<InboundEvent>> all = new ArrayList<>();
        all.add(new QuoteTranslator().set(0, 10, 11, QuoteFields.TOP_OF_BOOK | QuoteFields.LAST, 24_000, 5, 24_001, 7,
                24_000, 2, 1_234));
        all.add(new TradeTranslator().set(1, 12, 13, 24_002, 3, Side.SELL));
        all.add(new TradeTranslator().set(1, 12, 13, 24_002, 3, null));
        all.add(new DepthTranslator().update(0, 14, 15, Side.BUY, 23_999, 40, false));
        all.add(new DepthTranslator().delete(0, 14, 15, Side.SELL, 24_003, true));
        all.add(new DepthTranslator().clear(0, 14, 15, true));
        all.add(new BarTranslator().set(0, 16, 17, 60_000_000_000L, 24_000, 24_010, 23_990, 24_005, 999));
        all.add(new OrderUpdateTranslator().set(0, 18, 19, 10_001, 555, 1_001, OrderStatus.OPEN, OrderType.STOP_LIMIT,
                Side.BUY, 4, 1, 24_020, 24_015, 24_016_500_000L));
        all.add(new FillTranslator().set(1, 20, 21, 10_001, 9_001, 555, Side.BUY, 1, 24_016, 140, -2_500, true));
        all.add(new FillTranslator().set(1, 20, 21, 10_001, 9_002, 555, Side.SELL, 2, 24_017, 0, Long.MIN_VALUE, false));
        all.add(new PositionUpdateTranslator().set(0, 22, 23, 10_001, -3, 24_011_250_000L));
        all.add(new AccountUpdateTranslator().set(24, 25, 10_001, 5_000_012, true));
        all.add(new CommandResultTranslator().ack(CommandKind.PLACE, 26, 27, 10_001, 1_002, 556));
        all.add(new CommandResultTranslator().reject(CommandKind.MODIFY, 28, 29, 10_001, 1_003, 557, 2,
                "price is outside the band — ünïcode"));
        all.add(new ConnectionStateTranslator().set(30, ConnectionLink.USER_HUB, ConnectionState.RECONNECTED,
                "after 2 attempts"));
        all.add(new ControlTranslator().set(31, ControlAction.HALT, "sma"));
        all.add(new TimerTranslator().set(32));
        List<InboundEvent> events = new ArrayList<>();
        for (EventTranslator<InboundEvent> t : all) {
            InboundEvent e = new InboundEvent();
            t.translateTo(e, 0);
            events.add(e);
        }
        return events;
    }

    private static List<InboundEvent> readAll(Path dir, List<JournalSession> sessions) {
        List<InboundEvent> out = new ArrayList<>();
        new JournalReader(dir).read(new JournalReader.Handler() {
            @Override
            public void onSession(JournalSession session) {
                sessions.add(session);
            }

            @Override
            public void onEvent(InboundEvent e, JournalSession session) {
                InboundEvent copy = new InboundEvent();
                copy.copyFrom(e);
                out.add(copy);
            }
        });
        return out;
    }

    private static void assertSameEvent(InboundEvent actual, InboundEvent expected) {
        assertThat(actual).usingRecursiveComparison()
                .withEqualsForType((a, b) -> a.toString().contentEquals(b), StringBuilder.class)
                .isEqualTo(expected);
    }

    @Test
    void everyEventKindComesBackFieldForField(@TempDir Path dir) {
        List<InboundEvent> events = everyKind();
        Set<EventType> kinds = EnumSet.noneOf(EventType.class);
        events.forEach(e -> kinds.add(e.type));
        assertThat(kinds).containsExactlyInAnyOrder(EventType.values());
        JournalWriter writer = new JournalWriter(dir, 1, 1 << 16, SESSION);
        long sequence = 0;
        for (InboundEvent e : events) {
            writer.onEvent(e, sequence++, true);
        }
        writer.close();

        List<JournalSession> sessions = new ArrayList<>();
        List<InboundEvent> back = readAll(dir, sessions);

        assertThat(sessions).containsExactly(SESSION);
        List<InboundEvent> expected = events.stream().filter(e -> e.type != EventType.TIMER).toList();
        assertThat(back).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertSameEvent(back.get(i), expected.get(i));
        }
        assertThat(writer.journalled()).isEqualTo(expected.size());
    }

    @Test
    void withSyncEachBatchIsForcedToTheDiskOnceAndAcrossARollover(@TempDir Path dir) {
        JournalWriter writer = new JournalWriter(dir, 1, 1 << 16, true, SESSION);
        assertThat(writer.forces()).as("the header and the session record").isEqualTo(1);
        List<InboundEvent> events = everyKind();
        int batches = 0;
        for (int i = 0; i < 2_000; i++) {
            boolean endOfBatch = i % 10 == 9;
            writer.onEvent(events.get(0), i, endOfBatch);
            batches += endOfBatch ? 1 : 0;
        }
        InboundEvent timer = new InboundEvent();
        new TimerTranslator().set(5).translateTo(timer, 0);
        writer.onEvent(timer, 2_000, true); // a batch whose last event is not journalled: nothing new to force
        writer.close();

        assertThat(writer.segmentsWritten()).as("2,000 quotes overflow one 64 KiB segment").isGreaterThan(1);
        // each batch once, plus each new segment's header and the end of each segment left
        assertThat(writer.forces()).isBetween((long) batches, (long) batches + 2L * writer.segmentsWritten());
        assertThat(readAll(dir, new ArrayList<>())).hasSize(2_000);
        assertThat(writer.failures()).isZero();

        JournalWriter unsynced = new JournalWriter(dir.resolve("plain"), 1, 1 << 16, SESSION);
        unsynced.onEvent(events.get(0), 0, true);
        unsynced.close();
        assertThat(unsynced.forces()).isZero();
    }

    @Test
    void aTimerIsNotJournalledNorAnythingBetweenTheReplayMarkers(@TempDir Path dir) {
        JournalWriter writer = new JournalWriter(dir, 1, 1 << 16, SESSION);
        List<InboundEvent> events = everyKind();
        InboundEvent begin = new InboundEvent();
        new ControlTranslator().set(1, ControlAction.REPLAY_BEGIN, null).translateTo(begin, 0);
        InboundEvent end = new InboundEvent();
        new ControlTranslator().set(2, ControlAction.REPLAY_END, null).translateTo(end, 0);
        writer.onEvent(begin, 0, true);
        events.forEach(e -> writer.onEvent(e, 1, true));
        writer.onEvent(end, 2, true);
        writer.onEvent(events.get(0), 3, true);
        writer.close();

        List<InboundEvent> back = readAll(dir, new ArrayList<>());
        assertThat(back).hasSize(1);
        assertSameEvent(back.get(0), events.get(0));
    }

    /** A journal of {@code n} quotes, left as a killed process leaves it: the mapping at full size, not trimmed. */
    private static Path killedJournal(Path dir, int n) throws IOException {
        JournalWriter writer = new JournalWriter(dir, 1, 1 << 20, SESSION);
        InboundEvent e = new InboundEvent();
        QuoteTranslator quotes = new QuoteTranslator();
        for (int i = 0; i < n; i++) {
            quotes.topOfBook(0, i, i, 24_000 + i, 1, 24_001 + i, 1).translateTo(e, i);
            writer.onEvent(e, i, true);
        }
        Path segment = dir.resolve(JournalFormat.segmentName(1));
        // what the page cache holds after kill -9: every record, the file at its mapped size
        Path copy = Files.createDirectories(dir.resolve("killed")).resolve(JournalFormat.segmentName(1));
        Files.copy(segment, copy);
        writer.close();
        return copy;
    }

    private static int recordOffset(Path segment, int index) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "r")) {
            int p = JournalFormat.HEADER_LENGTH;
            for (int i = 0; i < index; i++) {
                f.seek(p);
                int length = Integer.reverseBytes(f.readInt());
                p = JournalFormat.align(p + JournalFormat.RECORD_HEADER + length);
            }
            return p;
        }
    }

    @Test
    void aKilledWritersJournalReadsBackWhole(@TempDir Path dir) throws IOException {
        Path segment = killedJournal(dir, 500);

        JournalReader.Scan scan = new JournalReader(segment.getParent()).scan();

        assertThat(scan.events()).isEqualTo(500);
        assertThat(scan.tornTails()).isZero();
        assertThat(Files.size(segment)).isEqualTo(1 << 20);
    }

    @Test
    void aTornLastRecordIsDroppedAndEverythingBeforeItRead(@TempDir Path dir) throws IOException {
        Path segment = killedJournal(dir, 500);
        int last = recordOffset(segment, 500);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            // half a record: its length written, the rest of its payload not
            f.seek(last + JournalFormat.RECORD_HEADER + 30);
            f.write(new byte[40]);
        }

        JournalReader.Scan scan = new JournalReader(segment.getParent()).scan();

        assertThat(scan.events()).isEqualTo(499);
        assertThat(scan.tornTails()).isEqualTo(1);
    }

    @Test
    void aRecordWhosePayloadIsWrittenButNotItsLengthIsATornTailToo(@TempDir Path dir) throws IOException {
        Path segment = killedJournal(dir, 300);
        int last = recordOffset(segment, 300);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(last);
            f.write(new byte[4]);
        }

        JournalReader.Scan scan = new JournalReader(segment.getParent()).scan();

        assertThat(scan.events()).isEqualTo(299);
        assertThat(scan.tornTails()).isEqualTo(1);
    }

    @Test
    void aDamagedRecordWithRecordsAfterItIsReportedAsCorruption(@TempDir Path dir) throws IOException {
        Path segment = killedJournal(dir, 500);
        int tenth = recordOffset(segment, 10);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(tenth + JournalFormat.RECORD_HEADER + 9);
            f.write(0x5A);
        }

        assertThatThrownBy(() -> new JournalReader(segment.getParent()).scan())
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining(segment.toString())
                .hasMessageContaining("at byte " + tenth)
                .hasMessageContaining("corrupted");
    }

    @Test
    void aSegmentFromAnotherBuildIsRefused(@TempDir Path dir) throws IOException {
        Path segment = killedJournal(dir, 3);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(8);
            f.writeLong(12345);
        }

        assertThatThrownBy(() -> new JournalReader(segment.getParent()).scan())
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("enums differ");
    }

    @Test
    void aFullSegmentRollsOverToTheNextAndTheReaderFollows(@TempDir Path dir) throws IOException {
        JournalWriter writer = new JournalWriter(dir, 1, 1 << 16, SESSION);
        InboundEvent e = new InboundEvent();
        FillTranslator fills = new FillTranslator();
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            fills.set(0, i, i, 10_001, 1 + i, 77, Side.BUY, 1, 24_000, 0, 0, false).translateTo(e, i);
            writer.onEvent(e, i, true);
        }
        writer.close();

        List<Path> segments = JournalReader.segments(dir);
        assertThat(segments).hasSizeGreaterThan(5);
        assertThat(writer.segmentsWritten()).isEqualTo(segments.size());
        for (Path s : segments) {
            assertThat(Files.size(s)).isLessThanOrEqualTo(1 << 16);
        }
        List<Long> tradeIds = new ArrayList<>();
        JournalReader.Scan scan = new JournalReader(dir).read((ev, s) -> tradeIds.add(ev.tradeId));
        assertThat(scan.events()).isEqualTo(n);
        assertThat(scan.lastSegment()).isEqualTo(segments.size());
        assertThat(tradeIds).isSorted().hasSize(n).doesNotHaveDuplicates();
    }

    @Test
    void aCleanCloseTrimsTheSegmentToWhatWasWritten(@TempDir Path dir) throws IOException {
        JournalWriter writer = new JournalWriter(dir, 1, 1 << 20, SESSION);
        everyKind().forEach(ev -> writer.onEvent(ev, 0, true));
        writer.close();

        assertThat(Files.size(dir.resolve(JournalFormat.segmentName(1)))).isLessThan(4096);
        assertThat(new JournalReader(dir).scan().events()).isEqualTo(everyKind().size() - 1);
    }
}
