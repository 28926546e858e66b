package io.tickflow.engine.sim;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/**
 * Trailing stops the engine keeps itself ({@code Engine.Builder.emulateTrailingStops}): a plain
 * stop at the gateway, moved behind the market by modifies at most once a second, never back,
 * triggering as a stop does. Event time, so the throttle is exact.
 */
class EmulatedTrailingStopTest {
    private static final long SECOND = 1_000_000_000L;

    /** Buys one at market and trails a sell stop {@code trail} ticks under the market, on the first quote. */
    private static final class Trailer implements Strategy {
        final List<String> log = new ArrayList<>();
        private final long trail;
        private StrategyContext ctx;
        long stopId;

        Trailer(long trail) {
            this.trail = trail;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (stopId == 0) {
                ctx.orders().market(ES, BUY, 1);
                stopId = ctx.orders().trailingStop(ES, SELL, 1, trail);
            }
        }

        @Override
        public void onOrder(OrderView o) {
            if (o.clientOrderId() == stopId || stopId == 0 && o.type() != OrderType.MARKET) {
                log.add(o.status() + " " + o.type() + " stop " + o.stopTicks());
            }
        }

        @Override
        public void onFill(FillView f) {
            if (f.side() == SELL) {
                log.add("fill SELL " + f.size() + "@" + f.priceTicks());
            }
        }
    }

    private final QuoteTranslator quote = new QuoteTranslator();
    private final TradeTranslator trade = new TradeTranslator();

    private Engine engine(Strategy s, boolean emulate) {
        Engine engine = Engine.builder().config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative()).emulateTrailingStops(emulate).contract(ES)
                .strategy(StrategySpec.of("s", s, ES.id())).build();
        engine.start();
        return engine;
    }

    private void market(Engine engine, long ts, long price) {
        engine.publisher().publish(trade.set(0, ts, ts, price, 1, null));
        engine.publisher().publish(quote.topOfBook(0, ts, ts, price - 1, 10, price, 10));
    }

    @Test
    void aStopTrailsTheMarketUpByModifiesAtMostOnceASecondNeverBackAndTriggersAsAStop() {
        Trailer s = new Trailer(4);
        Engine engine = engine(s, true);
        market(engine, SECOND, 100);
        // up to 105 within the first second: wanted at 101, held back until a second after the placement
        market(engine, SECOND + SECOND / 2, 105);
        market(engine, 2 * SECOND + 1, 105);
        // down, then up again less than the high: the stop stays
        market(engine, 3 * SECOND + 2, 103);
        market(engine, 4 * SECOND + 3, 104);
        // up to 108 twice within a second: one move to 104 now, none for the second high until the next second
        market(engine, 5 * SECOND + 4, 107);
        market(engine, 5 * SECOND + 5, 108);
        market(engine, 6 * SECOND + 6, 108);
        // a print through the stop triggers it: it fills at the bid standing then (107, before the new quote)
        market(engine, 7 * SECOND + 7, 103);
        engine.shutdown();

        assertThat(s.log).containsExactly("PENDING STOP stop 96", "OPEN STOP stop 96", "OPEN STOP stop 101",
                "OPEN STOP stop 103", "OPEN STOP stop 104", "fill SELL 1@107", "FILLED STOP stop 104");
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net()).isZero();
        assertThat(engine.simulatedExchange().restingOrders(0)).isZero();
    }

    @Test
    void offItIsTheGatewaysOwnTrailingStopAndWithoutAMarketEmulationRefusesIt() {
        Trailer nativeTrail = new Trailer(4);
        Engine engine = engine(nativeTrail, false);
        market(engine, SECOND, 100);
        engine.shutdown();
        assertThat(nativeTrail.log).first().asString().contains("TRAILING_STOP");

        Trailer early = new Trailer(4);
        Engine emulating = engine(early, true);
        // a quote with only a bid: nothing to mark the market by yet
        emulating.publisher().publish(quote.topOfBook(0, SECOND, SECOND, 100, 10, io.tickflow.engine.model.PriceTicks.NONE,
                0));
        emulating.shutdown();
        assertThat(early.log).containsExactly("REJECTED TRAILING_STOP stop " + io.tickflow.engine.model.PriceTicks.NONE);
    }
}
