package io.tickflow.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lmax.disruptor.EventHandler;

import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.InboundRing;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.WaitStrategyKind;

/**
 * Journalling adds nothing to the engine thread: the writer is a second consumer of the ring
 * on its own thread, so an engine thread keeps handling events while the writer is stopped
 * dead, and the writer catches up afterwards with every one of them.
 */
class JournalOffTheEngineThreadTest {
    @Test
    void theEngineThreadHandlesEveryEventWhileTheJournalWriterIsHeld(@TempDir Path dir) throws Exception {
        JournalWriter writer = new JournalWriter(dir, 1, 1 << 20, new JournalSession(1, 0, 0, List.of("CON.F.US.EP.Z26")));
        CountDownLatch hold = new CountDownLatch(1);
        writer.holdUntil(hold);
        AtomicLong handled = new AtomicLong();
        String[] engineThread = new String[1];
        EventHandler<InboundEvent> engine = (e, sequence, endOfBatch) -> {
            engineThread[0] = Thread.currentThread().getName();
            handled.incrementAndGet();
        };
        InboundRing ring = new InboundRing(1024, WaitStrategyKind.BLOCKING, "tickflow-engine");
        ring.start(engine, writer, "tickflow-journal");
        QuoteTranslator quotes = new QuoteTranslator();
        int n = 1000;
        for (int i = 0; i < n; i++) {
            ring.publisher().publish(quotes.topOfBook(0, i, i, 100, 1, 101, 1));
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handled.get() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(handled.get()).as("events the engine thread handled while the journal wrote none").isEqualTo(n);
        assertThat(writer.journalled()).isZero();

        hold.countDown();
        assertThat(ring.shutdown(10, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.journalled()).as("the shutdown event as well").isEqualTo(n + 1);
        assertThat(engineThread[0]).isEqualTo("tickflow-engine");
        assertThat(writer.thread().getName()).isEqualTo("tickflow-journal");
        assertThat(ring.engineThread().getName()).isEqualTo("tickflow-engine");
        assertThat(new JournalReader(dir).scan().events()).isEqualTo(n + 1);
        System.out.printf("journal off the engine thread: %d events handled by %s while %s was held, then %d "
                + "journalled%n", n, engineThread[0], writer.thread().getName(), writer.journalled());
    }
}
