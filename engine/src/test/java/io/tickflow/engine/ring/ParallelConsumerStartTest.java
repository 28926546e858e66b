package io.tickflow.engine.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.lmax.disruptor.EventHandler;

/**
 * A parallel consumer (the journal) whose thread is scheduled late still sees every event of a
 * session that is over at once: the ring's start waits for its thread, so the shutdown's drain
 * waits for it too, instead of halting it before it has read anything.
 */
class ParallelConsumerStartTest {
    private static final int EVENTS = 10; // fewer than the ring holds: publishing never waits for the journal

    @Test
    void aConsumerThreadThatStartsLateStillSeesEveryEventOfAShortSession() throws Exception {
        CountDownLatch scheduled = new CountDownLatch(1);
        AtomicLong threads = new AtomicLong();
        // the second consumer thread made is the parallel one's
        InboundRing ring = new InboundRing(64, WaitStrategyKind.BLOCKING, "test-engine",
                run -> threads.incrementAndGet() == 2 ? () -> {
                    awaitQuietly(scheduled);
                    run.run();
                } : run);
        AtomicLong engineSaw = new AtomicLong();
        AtomicLong journalSaw = new AtomicLong();
        EventHandler<InboundEvent> engine = (e, seq, end) -> engineSaw.incrementAndGet();
        EventHandler<InboundEvent> journal = (e, seq, end) -> journalSaw.incrementAndGet();
        AtomicReference<Thread> session = new AtomicReference<>();

        CompletableFuture<Void> shortSession = CompletableFuture.runAsync(() -> {
            session.set(Thread.currentThread());
            ring.start(engine, journal, "test-journal");
            TimerTranslator timer = new TimerTranslator();
            for (int i = 0; i < EVENTS; i++) {
                ring.publisher().publish(timer.set(i));
            }
            ring.shutdown(30, TimeUnit.SECONDS);
        });
        // let the journal's thread run only once the session is waiting on something: in start (it
        // waits for the thread) or, were start not to wait, in the shutdown, after the drain halted it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!shortSession.isDone() && !waiting(session.get())) {
            assertThat(System.nanoTime()).as("the session waits or ends").isLessThan(deadline);
            Thread.onSpinWait();
        }
        scheduled.countDown();
        shortSession.get(30, TimeUnit.SECONDS);

        assertThat(engineSaw.get()).isEqualTo(EVENTS + 1);
        assertThat(journalSaw.get()).as("events the late journal thread read").isEqualTo(EVENTS + 1);
    }

    private static boolean waiting(Thread t) {
        return t != null && (t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.WAITING);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
