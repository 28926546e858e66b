package io.tickflow.adapters.gateway.venue;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the paper venue's state: REST calls, hub subscriptions and market
 * data all run on it, one task at a time, so the venue needs no locks. The queue is bounded:
 * a market-data feed faster than the venue is held back, never dropped.
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

    /** Runs {@code task} on the venue thread and waits for its result. */
    public <T> T call(Callable<T> task, Duration timeout) {
        if (Thread.currentThread() == thread) {
            try {
                return task.call();
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the paper venue", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the paper venue did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
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
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
