package io.tickflow.engine.core;

import java.util.function.Supplier;

/**
 * Guards engine-thread-only APIs: a strategy context used from another thread (a strategy's
 * own executor, a callback that escaped) fails loudly instead of racing the single writer.
 */
final class EngineThread {
    private final Supplier<Thread> thread;

    EngineThread(Supplier<Thread> thread) {
        this.thread = thread;
    }

    void check(String operation) {
        Thread engine = thread.get();
        if (Thread.currentThread() != engine) {
            throw new IllegalStateException(operation + " must be called on the engine thread ("
                    + (engine == null ? "not started" : engine.getName()) + "), not on "
                    + Thread.currentThread().getName());
        }
    }
}
