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
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.strategy.CommandRejection;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.time.ManualClock;

/**
 * A modify or cancel the gateway refuses reaches the strategy that sent it, with the order as
 * it still works; an engine-trailed stop whose move is refused is moved again later.
 */
class CommandRejectionTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;
    private static final long T0 = 1_000;

    /** Rests a buy limit on the first quote, then on the second quote modifies it and cancels it. */
    private static final class Amender implements Strategy {
        final List<String> refused = new ArrayList<>();
        private StrategyContext ctx;
        private long order;
        private int quotes;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (quotes++ == 0) {
                order = ctx.orders().limit(ES, BUY, 1, 95);
            } else if (quotes == 2) {
                ctx.orders().modify(order, 0, 96, PriceTicks.NONE);
            } else if (quotes == 3) {
                ctx.orders().cancel(order);
            }
        }

        @Override
        public void onCommandRejected(CommandRejection r) {
            refused.add(r.command() + " " + r.order().status() + " limit " + r.order().limitTicks() + ": " + r.reason());
        }
    }

    private final ManualClock clock = new ManualClock(T0);
    private final QuoteTranslator quote = new QuoteTranslator();
    private HeldVenue venue;
    private Engine engine;

    private void start(Strategy strategy, boolean emulateTrailingStops) {
        ContractRegistry registry = new ContractRegistry();
        registry.register(ES);
        venue = new HeldVenue(registry, clock, FillModel.conservative());
        engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .clock(clock)
                .gateway(venue)
                .emulateTrailingStops(emulateTrailingStops)
                .contract(ES)
                .strategy(StrategySpec.of("s", strategy, ES.id()))
                .build();
        venue.connect(engine);
        engine.startInline();
    }

    private void market(long ts, long bid) {
        clock.advanceTo(ts);
        venue.exchange.onQuote(0, bid, 10, bid + 1, 10);
        engine.processInline(quote.topOfBook(0, ts, ts, bid, 10, bid + 1, 10));
        venue.deliverAll();
    }

    @Test
    void aRefusedModifyAndARefusedCancelReachTheStrategyWithTheOrderUnchanged() {
        Amender s = new Amender();
        start(s, false);
        market(T0 + 1_000_000, 100);
        venue.refuseModifies = true;
        venue.refuseCancels = true;
        market(T0 + 2_000_000, 100);
        market(T0 + 3_000_000, 100);

        assertThat(s.refused).containsExactly(
                "MODIFY OPEN limit 95: gateway error 2: price outside the allowed band",
                "CANCEL OPEN limit 95: gateway error 2: the order is being filled");
        assertThat(venue.exchange.restingOrders(0)).as("still working at 95").isEqualTo(1);
        engine.stopInline();
    }

    /** Places an engine-trailed sell stop 4 ticks behind the market on the first quote. */
    private static final class Trailer implements Strategy {
        private StrategyContext ctx;
        long stop;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (stop == 0) {
                stop = ctx.orders().trailingStop(ES, SELL, 1, 4);
            }
        }
    }

    @Test
    void aTrailedStopWhoseMoveIsRefusedIsMovedAgainAfterATwiceLongerWait() {
        Trailer s = new Trailer();
        start(s, true);
        market(T0 + 1_000_000, 100); // last price unknown: trails the mid 100, stop at 96
        venue.refuseModifies = true;
        market(T0 + 1_500_000_000L, 104); // the move to 100 is refused
        venue.refuseModifies = false;
        // one refusal doubles the wait: not tried again 1.5 s later, tried 2 s after the refused move
        market(T0 + 3_000_000_000L, 104);
        clock.advanceTo(T0 + 3_100_000_000L);
        venue.exchange.onTrade(0, 100, 1);
        venue.deliverAll();
        assertThat(venue.exchange.net(ACCOUNT, 0)).as("the stop is still at 96").isZero();
        market(T0 + 3_600_000_000L, 104); // the market has not moved, but the stop is still behind: moved now
        // a print at 100 sets off a stop at 100 (it would not one still at 96): it sells 1 at the bid
        clock.advanceTo(T0 + 3_700_000_000L);
        venue.exchange.onTrade(0, 100, 1);
        venue.deliverAll();

        assertThat(venue.exchange.net(ACCOUNT, 0)).isEqualTo(-1);
        assertThat(engine.positions().position(ACCOUNT, 0).net()).isEqualTo(-1);
        engine.stopInline();
    }
}
