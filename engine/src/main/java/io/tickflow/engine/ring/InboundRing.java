package io.tickflow.engine.ring;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound ring: an LMAX Disruptor of pre-allocated {@link InboundEvent} slots, written by
 * any number of producers and consumed by ONE engine thread, the single writer of all
 * trading state.
 *
 * <p>Shutdown is ordered: {@link #shutdown} rejects new publications, publishes a final
 * {@link ControlAction#SHUTDOWN} event, waits until the engine thread has consumed every
 * event published before it (and any that raced in), then stops the thread.
 *
 * <p>{@link #start} returns only once every consumer's thread is running: the Disruptor's
 * drain on shutdown passes over a consumer whose thread has not begun yet and then halts it
 * before it reads anything, so a journal thread slow to be scheduled would otherwise lose
 * every event of a short session.
 */
public final class InboundRing {
    private static final Logger LOG = LoggerFactory.getLogger(InboundRing.class);
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Disruptor<InboundEvent> disruptor;
    private final InboundPublisher publisher;
    private final ControlTranslator shutdownTranslator = new ControlTranslator();
    private volatile Thread engineThread;
    private final ArrayDeque<String> consumerNames = new ArrayDeque<>();
    private final List<Thread> consumerThreads = new CopyOnWriteArrayList<>();
    private boolean started;
    private boolean stopped;

    /**
     * @param size         slots; a power of two
     * @param waitStrategy how the engine thread waits for events
     * @param threadName   the engine thread's name
     */
    public InboundRing(int size, WaitStrategyKind waitStrategy, String threadName) {
        this(size, waitStrategy, threadName, UnaryOperator.identity());
    }

    /** Tests only: {@code beforeRun} wraps what each consumer thread runs (to delay its start, say). */
    InboundRing(int size, WaitStrategyKind waitStrategy, String threadName, UnaryOperator<Runnable> beforeRun) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("ring size must be a power of two >= 2, was " + size);
        }
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        // the Disruptor asks for threads in the order handlers were added: the engine's first
        ThreadFactory threads = runnable -> {
            String name = consumerNames.isEmpty() ? threadName + "-consumer" : consumerNames.poll();
            Thread t = new Thread(beforeRun.apply(runnable), name);
            consumerThreads.add(t);
            if (engineThread == null) {
                engineThread = t;
            }
            return t;
        };
        this.disruptor = new Disruptor<>(InboundEvent::new, size, threads, ProducerType.MULTI, waitStrategy.create());
        this.publisher = new InboundPublisher(disruptor.getRingBuffer());
        this.consumerNames.add(threadName);
    }

    /**
     * Starts the engine thread consuming into {@code handler}. Exceptions that escape the
     * handler are logged with the event and do not stop the thread, but the handler is
     * expected to contain its own (see the engine's dispatcher).
     */
    public synchronized void start(EventHandler<InboundEvent> handler) {
        start(handler, null, null);
    }

    /**
     * As {@link #start(EventHandler)}, with a second consumer that sees every event in the same
     * order, in parallel with the engine thread on a thread of its own (the journal): the engine
     * thread never waits for it; producers do, if it falls a whole ring behind.
     *
     * @param parallel     the parallel consumer, or null for none
     * @param parallelName its thread's name
     */
    @SuppressWarnings("unchecked")
    public synchronized void start(EventHandler<InboundEvent> handler, EventHandler<InboundEvent> parallel,
                                   String parallelName) {
        if (started) {
            throw new IllegalStateException("the ring is already started");
        }
        started = true;
        List<BatchEventProcessor<InboundEvent>> consumers = parallel == null ? List.of(processor(handler))
                : List.of(processor(handler), processor(parallel));
        if (parallel != null) {
            consumerNames.add(parallelName);
        }
        disruptor.handleEventsWith(consumers.toArray(new BatchEventProcessor[0]));
        disruptor.start();
        awaitRunning(consumers);
    }

    private BatchEventProcessor<InboundEvent> processor(EventHandler<InboundEvent> handler) {
        BatchEventProcessor<InboundEvent> p = new BatchEventProcessorBuilder()
                .build(disruptor.getRingBuffer(), disruptor.getRingBuffer().newBarrier(), handler);
        p.setExceptionHandler(new LoggingExceptionHandler());
        return p;
    }

    private void awaitRunning(List<BatchEventProcessor<InboundEvent>> consumers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        for (BatchEventProcessor<InboundEvent> p : consumers) {
            while (!p.isRunning()) {
                if (System.nanoTime() > deadline) {
                    disruptor.halt();
                    throw new IllegalStateException("the ring's consumer threads did not start within "
                            + START_TIMEOUT_SECONDS + " s");
                }
                LockSupport.parkNanos(50_000);
            }
        }
    }

    public InboundPublisher publisher() {
        return publisher;
    }

    /** The engine thread once started, else null. */
    public Thread engineThread() {
        return engineThread;
    }

    /**
     * Drains and stops: see the class comment. Idempotent.
     *
     * @return true if everything published was consumed within the timeout; false if the
     *         engine thread had to be halted with events still unprocessed
     */
    public synchronized boolean shutdown(long timeout, TimeUnit unit) {
        if (stopped) {
            return true;
        }
        stopped = true;
        publisher.close();
        if (!started) {
            return true;
        }
        publisher.publishFinal(shutdownTranslator.set(0L, ControlAction.SHUTDOWN, null));
        try {
            disruptor.shutdown(timeout, unit);
            awaitConsumersEnded(unit.toNanos(timeout));
            return true;
        } catch (TimeoutException e) {
            LOG.error("engine thread did not drain the ring within {} {}; halting it with events unprocessed",
                    timeout, unit);
            disruptor.halt();
            return false;
        }
    }

    /** The Disruptor's halt only signals its threads: wait until each has run its onShutdown and ended. */
    private void awaitConsumersEnded(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        for (Thread t : consumerThreads) {
            long left = deadline - System.nanoTime();
            if (t == Thread.currentThread() || left <= 0) {
                continue;
            }
            try {
                t.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final class LoggingExceptionHandler implements ExceptionHandler<InboundEvent> {
        @Override
        public void handleEventException(Throwable ex, long sequence, InboundEvent event) {
            LOG.error("engine thread failed on event #{} {}; continuing", sequence, event, ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            LOG.error("engine thread failed while starting", ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            LOG.error("engine thread failed while shutting down", ex);
        }
    }
}
