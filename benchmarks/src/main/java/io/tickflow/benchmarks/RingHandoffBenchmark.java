package io.tickflow.benchmarks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.lmax.disruptor.EventHandler;

import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.InboundPublisher;
import io.tickflow.engine.ring.InboundRing;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.WaitStrategyKind;

/**
 * The same quote events handed from one producer thread (the benchmark thread) to one
 * consumer thread, through the engine's inbound ring ({@link InboundRing}: a multi-producer
 * Disruptor of pre-allocated {@link InboundEvent} slots, filled by a {@link QuoteTranslator})
 * or through a {@link ArrayBlockingQueue} of the same capacity carrying {@link InboundEvent}
 * objects from a pre-allocated pool (so neither side allocates; the queue's consumer blocks in
 * {@code take()}, as queue consumers are written). The consumer reads the event and publishes
 * how many it has consumed.
 *
 * <p>{@code throughput}: one operation = one event sent; the bounded capacity holds the
 * producer to the consumer's pace, so this is the handoff's sustained rate.
 * {@code roundTrip}: send one event and spin until the consumer reports it: with nothing
 * queued, the time to wake the consumer and see it done (one-way latency plus one
 * cache-line trip back), sampled for percentiles.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RingHandoffBenchmark {
    static final int CAPACITY = 1 << 14;

    /** RING_YIELDING: the ring with the yielding wait; RING_BLOCKING: with the engine's default lock-and-signal wait; ABQ: the queue. */
    @Param({"RING_YIELDING", "RING_BLOCKING", "ABQ"})
    public String handoff;

    /** One producer's end of a handoff to one consumer thread. */
    interface Handoff {
        void send(long ts, long bid);

        long consumed();

        /** Stops the consumer after it has taken everything sent; false if it did not. */
        boolean stop();
    }

    private Handoff channel;
    private long sent;
    private long bid = 24_000;

    @Setup(Level.Trial)
    public void setUp() {
        channel = handoff.equals("ABQ") ? new QueueHandoff()
                : new RingHandoff(WaitStrategyKind.valueOf(handoff.substring("RING_".length())));
        sent = 0;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput() {
        bid ^= 1;
        channel.send(sent++, bid);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void roundTrip() {
        bid ^= 1;
        long target = ++sent;
        channel.send(target, bid);
        while (channel.consumed() < target) {
            Thread.onSpinWait();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (!channel.stop() || channel.consumed() != sent) {
            throw new IllegalStateException("the consumer took " + channel.consumed() + " of " + sent + " events");
        }
    }

    /** What both consumers do with an event: read it, and say how many they have taken. */
    static final class Consumer {
        final AtomicLong consumed = new AtomicLong();
        long checksum;

        void take(InboundEvent e) {
            checksum += e.bidTicks + e.askTicks + e.tsEvent;
            consumed.lazySet(consumed.get() + 1);
        }
    }

    /** Through the engine's inbound ring. */
    static final class RingHandoff implements Handoff {
        private final InboundRing ring;
        private final InboundPublisher publisher;
        private final QuoteTranslator quote = new QuoteTranslator();
        private final Consumer consumer = new Consumer();

        RingHandoff(WaitStrategyKind wait) {
            ring = new InboundRing(CAPACITY, wait, "ring-consumer");
            EventHandler<InboundEvent> handler = (e, sequence, endOfBatch) -> {
                if (e.type == io.tickflow.engine.ring.EventType.QUOTE) {
                    consumer.take(e);
                }
            };
            ring.start(handler);
            publisher = ring.publisher();
        }

        @Override
        public void send(long ts, long bid) {
            publisher.publish(quote.topOfBook(0, ts, ts, bid, 10, bid + 1, 12));
        }

        @Override
        public long consumed() {
            return consumer.consumed.get();
        }

        @Override
        public boolean stop() {
            return ring.shutdown(10, TimeUnit.SECONDS);
        }
    }

    /** Through an ArrayBlockingQueue of pooled events, filled as the translator fills a slot. */
    static final class QueueHandoff implements Handoff {
        private static final InboundEvent POISON = new InboundEvent();
        private final ArrayBlockingQueue<InboundEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
        /** More events than the queue and the consumer can hold, so a pooled event is never refilled while read. */
        private final InboundEvent[] pool = new InboundEvent[CAPACITY * 2];
        private final QuoteTranslator quote = new QuoteTranslator();
        private final Consumer consumer = new Consumer();
        private final Thread thread;
        private int next;

        QueueHandoff() {
            for (int i = 0; i < pool.length; i++) {
                pool[i] = new InboundEvent();
            }
            thread = new Thread(() -> {
                try {
                    while (true) {
                        InboundEvent e = queue.take();
                        if (e == POISON) {
                            return;
                        }
                        consumer.take(e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "abq-consumer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void send(long ts, long bid) {
            InboundEvent e = pool[next];
            next = next + 1 == pool.length ? 0 : next + 1;
            quote.topOfBook(0, ts, ts, bid, 10, bid + 1, 12).translateTo(e, 0);
            try {
                queue.put(e);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing over an event", ex);
            }
        }

        @Override
        public long consumed() {
            return consumer.consumed.get();
        }

        @Override
        public boolean stop() {
            try {
                queue.put(POISON);
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return !thread.isAlive();
        }
    }
}
