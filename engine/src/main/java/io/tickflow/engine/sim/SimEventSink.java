package io.tickflow.engine.sim;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.ring.InboundEvent;

/**
 * Where the simulated exchange sends what a gateway would send back: acknowledgements,
 * rejections, order, fill and position updates. In a backtest, the engine's own loopback
 * queue (processed on the engine thread right after the current event); in the paper
 * gateway, its hub connections.
 */
@FunctionalInterface
public interface SimEventSink {
    void publish(EventTranslator<InboundEvent> translator);
}
