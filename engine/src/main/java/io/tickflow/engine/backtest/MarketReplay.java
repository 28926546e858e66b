package io.tickflow.engine.backtest;

/**
 * A source of recorded or generated market data for a backtest: it sends every event, in
 * time order, to the target and returns when done. The same source must send the same
 * events every time, which is what makes a backtest reproducible.
 */
@FunctionalInterface
public interface MarketReplay {
    void replay(ReplayTarget target);
}
