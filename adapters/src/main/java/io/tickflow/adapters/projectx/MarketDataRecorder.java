package io.tickflow.adapters.projectx;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;

/**
 * Records the market data a live or paper session receives, one level-1 CSV per contract
 * ({@code <dir>/<contract id>.csv}, the format {@code CsvMarketData.level1} replays), so the
 * session can be re-run as a backtest. A row per change of the best bid or ask ({@code Q};
 * the service sends no sizes, so they are 0: unknown) and per print ({@code T}). Written as
 * events arrive, flushed on close. Thread-safe.
 *
 * <p>What is not recorded, and why. <b>Depth</b> ({@code GatewayDepth}) is not: the level-1
 * CSV that {@code CsvMarketData.level1} replays has rows for quotes and prints only, so a
 * depth row would be unreadable there; a strategy that uses L2 replays against the quote's
 * top of book instead (the order-book scalper falls back to it). <b>Order, fill, position and
 * account events</b> are not either, on purpose: a backtest re-creates them — the simulated
 * exchange fills the strategy's own orders against the recorded market — so recording the
 * live ones would only replay the old decisions, and what the engine did live is in its
 * journal already.
 */
public final class MarketDataRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataRecorder.class);
    static final String HEADER = "ts_event,kind,price,size,aggressor,bid_price,bid_size,ask_price,ask_size";

    private final ContractRegistry contracts;
    private final BufferedWriter[] out;
    private final long[] bid;
    private final long[] ask;

    public MarketDataRecorder(Path dir, ContractRegistry contracts) {
        this.contracts = contracts;
        int n = contracts.size();
        this.out = new BufferedWriter[n];
        this.bid = new long[n];
        this.ask = new long[n];
        try {
            Files.createDirectories(dir);
            for (int c = 0; c < n; c++) {
                out[c] = Files.newBufferedWriter(dir.resolve(contracts.contract(c).id() + ".csv"));
                out[c].write(HEADER);
                out[c].newLine();
                bid[c] = PriceTicks.NONE;
                ask[c] = PriceTicks.NONE;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record market data to " + dir, e);
        }
    }

    /** A quote update: either side may be {@code PriceTicks.NONE} (unchanged). */
    public synchronized void quote(int contract, long ts, long bidTicks, long askTicks) {
        long b = bidTicks != PriceTicks.NONE ? bidTicks : bid[contract];
        long a = askTicks != PriceTicks.NONE ? askTicks : ask[contract];
        if (b == PriceTicks.NONE || a == PriceTicks.NONE || (b == bid[contract] && a == ask[contract])) {
            bid[contract] = b;
            ask[contract] = a;
            return;
        }
        bid[contract] = b;
        ask[contract] = a;
        Contract c = contracts.contract(contract);
        write(contract, Instant.ofEpochSecond(0, ts) + ",Q,,,," + c.toPrice(b).toPlainString() + ",0,"
                + c.toPrice(a).toPlainString() + ",0");
    }

    public synchronized void trade(int contract, long ts, long priceTicks, long size, Side aggressor) {
        String side = aggressor == Side.BUY ? "B" : aggressor == Side.SELL ? "A" : "N";
        write(contract, Instant.ofEpochSecond(0, ts) + ",T," + contracts.contract(contract).toPrice(priceTicks)
                .toPlainString() + "," + size + "," + side + ",,,,");
    }

    private void write(int contract, String row) {
        try {
            out[contract].write(row);
            out[contract].newLine();
        } catch (IOException e) {
            LOG.error("recording market data failed; the recording of {} is incomplete",
                    contracts.contract(contract).id(), e);
        }
    }

    @Override
    public synchronized void close() {
        for (BufferedWriter w : out) {
            try {
                w.close();
            } catch (IOException e) {
                LOG.error("closing a market data recording failed", e);
            }
        }
    }
}
