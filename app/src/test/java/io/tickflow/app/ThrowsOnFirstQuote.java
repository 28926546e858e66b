package io.tickflow.app;

import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;

/** A strategy for tests that fails once it is running: its first quote throws. Engine thread only. */
public final class ThrowsOnFirstQuote implements Strategy {
    private boolean thrown;

    @Override
    public void onQuote(QuoteView q) {
        if (!thrown) {
            thrown = true;
            throw new IllegalStateException("the first quote broke me");
        }
    }
}
