package io.tickflow.engine.strategy;

import io.tickflow.engine.model.Contract;

/**
 * One account's position in one contract. A read-only flyweight valid only during the
 * callback that received it. <b>Do not retain it.</b>
 */
public interface PositionView {
    Contract contract();

    long accountId();

    long tsEvent();

    /** Signed: positive long, negative short, 0 flat. */
    long netPosition();

    /** Average entry price in millionths of a tick ({@code PriceTicks.MICROS_PER_TICK}). */
    long avgPriceMicroTicks();
}
