package io.tickflow.engine.market.bar;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;

/**
 * Bars of a fixed traded volume V.
 *
 * <p><b>Closing rule.</b> The observation that brings the bar's volume to V or more is
 * included and completes the bar. A print is never split across bars: one print happened at
 * one price and time, and splitting it would invent a second print; so a bar's volume may
 * exceed V (by less than the size of its last print). Observations with volume 0 (quotes)
 * update the bar's prices but never complete it. {@code tsOpen}/{@code tsClose} are the times
 * of the first and last observation. Time alone never closes a volume bar.
 *
 * <p>Engine thread only. No allocation.
 */
public final class VolumeBarAggregator extends ActivityBarAggregator {
    public VolumeBarAggregator(Contract contract, BarSpec spec, BarSink sink) {
        super(contract, spec, sink);
    }

    @Override
    public void onPrice(long tsNanos, long priceTicks, long volume) {
        include(tsNanos, priceTicks, volume);
        if (forming.volume >= threshold) {
            complete();
        }
    }
}
