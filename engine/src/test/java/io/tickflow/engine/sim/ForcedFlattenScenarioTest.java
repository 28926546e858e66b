package io.tickflow.engine.sim;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TimerTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.risk.RiskBreach;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.time.ManualClock;

/**
 * The close-out a loss-rule breach forces is refused by the gateway: the account, its strategies
 * halted and its stops cancelled, must not be left holding the position. The engine sends the
 * close-out again once time has moved on, until the account is flat.
 */
class ForcedFlattenScenarioTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;
    /** 1970-01-01T00:00Z, inside the CME session that opened at 17:00 CT the day before. */
    private static final long T0 = 1_000;

    /** Rests a buy limit 5 ticks under the bid on the first quote. */
    private static final class RestsABid implements Strategy {
        private StrategyContext ctx;
        private boolean placed;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (!placed) {
                placed = true;
                ctx.orders().limit(ES, BUY, 1, q.bidTicks() - 5);
            }
        }
    }

    /** Buys 2 on the first quote. */
    private static final class BuysTwo implements Strategy {
        private StrategyContext ctx;
        private boolean bought;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (!bought) {
                bought = true;
                ctx.orders().market(ES, BUY, 2);
            }
        }
    }

    private final ManualClock clock = new ManualClock(T0);
    private final QuoteTranslator quote = new QuoteTranslator();
    private final TradeTranslator trade = new TradeTranslator();
    private final List<RiskBreach> breaches = new ArrayList<>();
    private HeldVenue venue;
    private Engine engine;

    private void market(long ts, long bid) {
        clock.advanceTo(ts);
        venue.exchange.onQuote(0, bid, 10, bid + 1, 10);
        engine.processInline(quote.topOfBook(0, ts, ts, bid, 10, bid + 1, 10));
        venue.deliverAll();
    }

    private void print(long ts, long price) {
        clock.advanceTo(ts);
        venue.exchange.onTrade(0, price, 1);
        engine.processInline(trade.set(0, ts, ts, price, 1, null));
        venue.deliverAll();
    }

    private void time(long ts) {
        clock.advanceTo(ts);
        engine.processInline(new TimerTranslator().set(ts));
        venue.deliverAll();
    }

    private void start(Strategy strategy, RiskLimits limits) {
        ContractRegistry registry = new ContractRegistry();
        registry.register(ES);
        venue = new HeldVenue(registry, clock, FillModel.conservative());
        engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .clock(clock)
                .gateway(venue)
                .risk(RiskLimits.none(), Map.of(ACCOUNT, limits))
                .listener(new EngineListener() {
                    @Override
                    public void onRiskBreach(RiskBreach breach) {
                        breaches.add(breach);
                    }
                })
                .contract(ES)
                .strategy(StrategySpec.of("s", strategy, ES.id()))
                .build();
        venue.connect(engine);
        engine.startInline();

    }

    @Test
    void aRefusedBreachCloseOutIsSentAgainUntilTheAccountIsFlat() {
        start(new BuysTwo(), RiskLimits.none().withDailyLossLimit(50_000));

        market(T0 + 1_000_000, 100); // long 2 at 101
        venue.refuseMarkets = 2;
        market(T0 + 2_000_000, 80); // $525 down: the breach's close-out is refused
        assertThat(breaches).hasSize(1);
        assertThat(engine.positions().position(ACCOUNT, 0).net()).as("still long after the refusal").isEqualTo(2);

        time(T0 + 500_000_000L); // too soon to try again
        assertThat(venue.placed).containsExactly("BUY 2", "SELL 2 refused");
        time(T0 + 2_100_000_000L); // tried again, refused again
        time(T0 + 3_200_000_000L); // and again: this one fills
        market(T0 + 3_300_000_000L, 80);
        time(T0 + 4_400_000_000L); // flat: nothing more is sent

        assertThat(venue.placed).containsExactly("BUY 2", "SELL 2 refused", "SELL 2 refused", "SELL 2");
        assertThat(engine.positions().position(ACCOUNT, 0).net()).isZero();
        assertThat(venue.exchange.net(ACCOUNT, 0)).isZero();
        engine.stopInline();
    }

    @Test
    void aPositionALateFillOpensAfterTheTradingWindowClosedIsClosedAtMarket() {
        // the CME session of 1970-01-01 closes at 16:00 CT, 22:00Z; flat from 10 minutes before
        long windowCloses = 78_600_000_000_000L;
        start(new RestsABid(), RiskLimits.none().withTradingWindow(Duration.ofMinutes(10), Set.of()));
        market(windowCloses - 60_000_000_000L, 100); // a buy limit rests at 95
        assertThat(venue.placed).containsExactly("BUY 1");
        assertThat(venue.exchange.restingOrders(0)).isEqualTo(1);
        venue.loseCancels = true;
        time(windowCloses + 1_000_000_000L); // the window closes: its cancel is lost; the account is flat
        print(windowCloses + 1_500_000_000L, 94); // and the limit fills, traded through: long 1 at 95
        time(windowCloses + 2_000_000_000L);
        market(windowCloses + 2_100_000_000L, 100);

        assertThat(venue.placed).containsExactly("BUY 1", "SELL 1");
        assertThat(engine.positions().position(ACCOUNT, 0).net()).isZero();
        assertThat(engine.positions().position(ACCOUNT, 0).realizedTicks()).as("bought at 95, closed at the bid 100")
                .isEqualTo(5);
        assertThat(venue.exchange.net(ACCOUNT, 0)).isZero();
        engine.stopInline();
    }
}
