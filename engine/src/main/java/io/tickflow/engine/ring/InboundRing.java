package io.tickflow.engine.ring;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

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
 */
public final class InboundRing {
    private static final Logger LOG = LoggerFactory.getLogger(InboundRing.class);

    private final Disruptor<InboundEvent> disruptor;
    private final InboundPublisher publisher;
    private final ControlTranslator shutdownTranslator = new ControlTranslator();
    private volatile Thread engineThread;
    private final java.util.ArrayDeque<String> consumerNames = new java.util.ArrayDeque<>();
    private final java.util.List<Thread> consumerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean started;
    private boolean stopped;

    /**
     * @param size         slots; a power of two
     * @param waitStrategy how the engine thread waits for events
     * @param threadName   the engine thread's name
     */
    public InboundRing(int size, WaitStrategyKind waitStrategy, String threadName) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("ring size must be a power of two >= 2, was " + size);
        }
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        // the Disruptor asks for threads in the order handlers were added: the engine's first
        ThreadFactory threads = runnable -> {
            String name = consumerNames.isEmpty() ? threadName + "-consumer" : consumerNames.poll();
            Thread t = new Thread(runnable, name);
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
        if (parallel != null) {
            consumerNames.add(parallelName);
            disruptor.handleEventsWith(handler, parallel);
        } else {
            disruptor.handleEventsWith(handler);
        }
        disruptor.setDefaultExceptionHandler(new LoggingExceptionHandler());
        disruptor.start();
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
