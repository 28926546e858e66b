/**
 * Streaming technical indicators for strategies: SMA, EMA, WMA, RSI, ATR, Bollinger Bands,
 * MACD, session-anchored VWAP, Donchian channel, Stochastic and ADX.
 *
 * <p><b>Part of the strategy SPI</b>: besides {@code engine.strategy} and {@code engine.model},
 * this is a package the {@code strategies} module may import.
 *
 * <p>Common rules: each update is O(1) (amortized O(1) for the window extremes of
 * {@link io.tickflow.engine.indicator.DonchianChannel} and
 * {@link io.tickflow.engine.indicator.Stochastic}) and allocates nothing; all buffers are
 * allocated by the constructor. Feed them a raw price stream ({@code update(long priceTicks)} or
 * {@code update(double)}) or bars ({@code update(BarView)} or the newest bar of a
 * {@code BarSeries}). Values are doubles in the unit of the input: ticks when fed
 * ticks or bars; oscillators (RSI, Stochastic, ADX) are 0–100. Before {@code isReady()} a value
 * is {@code NaN}. Instances are owned by the engine thread and are not thread-safe.
 */
package io.tickflow.engine.indicator;
