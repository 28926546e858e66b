package io.tickflow.adapters.gateway.venue;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the paper venue's state: REST calls, hub subscriptions and market
 * data all run on it, one task at a time, so the venue needs no locks. The queue is bounded:
 * a market-data feed faster than the venue is held back, never dropped; a request waits no
 * longer than its deadline, and is then either withdrawn unrun or known to have started.
 */
public final class VenueThread implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VenueThread.class);
    private static final Runnable STOP = () -> { };

    private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(65_536);
    private final Thread thread;
    private volatile boolean closed;

    public VenueThread(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (true) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("paper venue task failed", e);
            }
        }
    }

    /** Runs {@code task} on the venue thread, waiting for room in the queue if it is full. */
    public void execute(Runnable task) {
        if (closed) {
            throw new IllegalStateException("the paper venue is closed");
        }
        try {
            tasks.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a task to the paper venue", e);
        }
    }

    /**
     * Queues {@code task} unless the queue is full, never waiting: for callers on a network
     * thread, which must not be held by a slow venue.
     *
     * @return whether the task was queued
     */
    public boolean tryExecute(Runnable task) {
        return !closed && tasks.offer(task);
    }

    /**
     * Runs {@code task} on the venue thread and waits for its result, {@code timeout} at most in
     * all (waiting for room in the queue included), so a request thread is never held for ever.
     * On timeout a task still queued is withdrawn, so it never runs after its caller has answered:
     * {@link VenueBusy} with {@code started() == false}, the task did nothing. A task already
     * running cannot be taken back: {@code started() == true}, its effect is unknown.
     */
    public <T> T call(Callable<T> task, Duration timeout) {
        if (Thread.currentThread() == thread) {
            try {
                return task.call();
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        if (closed) {
            throw new IllegalStateException("the paper venue is closed");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Withdrawable<T> call = new Withdrawable<>(task);
        try {
            if (!tasks.offer(call, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new VenueBusy(false, "the paper venue's queue stayed full for " + timeout
                        + "; the request was not carried out");
            }
            return call.result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (call.withdraw()) {
                throw new VenueBusy(false, "interrupted while waiting for the paper venue; the request was withdrawn");
            }
            throw new IllegalStateException("interrupted while waiting for the paper venue", e);
        } catch (TimeoutException e) {
            if (call.withdraw()) {
                throw new VenueBusy(false, "the paper venue did not take the request up within " + timeout
                        + "; it was withdrawn, not carried out");
            }
            throw new VenueBusy(true, "the paper venue did not finish the request within " + timeout
                    + "; whether it was carried out is unknown");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

    /** A queued call its caller can take back until the venue thread starts it; once started it runs to its end. */
    private static final class Withdrawable<T> implements Runnable {
        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int WITHDRAWN = 2;

        private final Callable<T> task;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(QUEUED);

        Withdrawable(Callable<T> task) {
            this.task = task;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return;
            }
            try {
                result.complete(task.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        }

        /** Whether the call was taken back before it started (it will never run). */
        boolean withdraw() {
            return state.compareAndSet(QUEUED, WITHDRAWN);
        }
    }

    public boolean isVenueThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        tasks.offer(STOP);
        try {
            thread.join(1_000);
            if (thread.isAlive()) {
                // a long task (a stall-venue fault) still holds it: cut it short rather than wait it out
                thread.interrupt();
                thread.join(4_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
