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
 * of the first and last observation.
 */
public final class VolumeBarAggregator implements BarAggregator {
    private final BarSpec spec;
    private final long volumePerBar;
    private final BarSink sink;
    private final Bar bar;
    private final FormingBar forming = new FormingBar();

    public VolumeBarAggregator(Contract contract, BarSpec spec, BarSink sink) {
        this.spec = spec;
        this.volumePerBar = spec.size();
        this.sink = sink;
        this.bar = new Bar(contract, spec);
    }

    @Override
    public BarSpec spec() {
        return spec;
    }

    @Override
    public void onPrice(long tsNanos, long priceTicks, long volume) {
        if (forming.active) {
            forming.add(tsNanos, priceTicks, volume);
        } else {
            forming.start(tsNanos, priceTicks, volume);
        }
        if (forming.volume >= volumePerBar) {
            forming.emit(bar, sink, forming.firstTs, forming.lastTs);
        }
    }

    @Override
    public void onTime(long tsNanos) {
        // volume bars close on volume only
    }
}
