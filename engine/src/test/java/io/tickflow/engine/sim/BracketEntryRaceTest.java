package io.tickflow.engine.sim;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.ring.EventType;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.time.ManualClock;

/**
 * A bracket's entry whose order update (FILLED, or CANCELLED after a partial fill) reaches the
 * engine before the trade that filled it — the order a reconnect snapshot delivers them in
 * (orders, then trades), and one the network may choose any time. The trade still has to
 * place the stop-loss and take-profit.
 */
class BracketEntryRaceTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;
    private static final long T0 = 1_764_000_000_000_000_000L;

    /** Places one bracket on the first quote and keeps its entry's id. */
    private static final class Bracketer implements Strategy {
        private final long size;
        private final long limitTicks;
        private StrategyContext ctx;
        long entry;

        Bracketer(long size, long limitTicks) {
            this.size = size;
            this.limitTicks = limitTicks;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (entry == 0) {
                entry = ctx.orders().bracket(ES, BUY, size, limitTicks, 4, 8);
            }
        }

        Orders orders() {
            return ctx.orders();
        }
    }

    private final ManualClock clock = new ManualClock(T0);
    private final QuoteTranslator quote = new QuoteTranslator();
    private HeldVenue venue;
    private Engine engine;

    private void start(Strategy strategy) {
        ContractRegistry registry = new ContractRegistry();
        registry.register(ES);
        venue = new HeldVenue(registry, clock, FillModel.conservative().withLiquidity(true, false));
        engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .clock(clock)
                .gateway(venue)
                .contract(ES)
                .strategy(StrategySpec.of("s", strategy, ES.id()))
                .build();
        venue.connect(engine);
        engine.startInline();
    }

    private void market(long bid, long bidSize, long ask, long askSize) {
        clock.advanceTo(clock.nanos() + 1_000_000);
        venue.exchange.onQuote(0, bid, bidSize, ask, askSize);
        long ts = clock.nanos();
        engine.processInline(quote.topOfBook(0, ts, ts, bid, bidSize, ask, askSize));
    }

    private static boolean isAnswer(InboundEvent e) {
        return e.type == EventType.COMMAND_ACK || e.type == EventType.COMMAND_REJECT;
    }

    private static boolean isAnswerOrOrderUpdate(InboundEvent e) {
        return isAnswer(e) || e.type == EventType.ORDER_UPDATE;
    }

    @Test
    void aFilledUpdateAheadOfItsTradeStillGetsTheEntryItsStopAndTarget() {
        Bracketer s = new Bracketer(2, PriceTicks.NONE);
        start(s);
        market(100, 10, 101, 10);
        // the market entry fills at once; its FILLED update overtakes the trade
        venue.deliverOnly(BracketEntryRaceTest::isAnswerOrOrderUpdate);
        assertThat(venue.exchange.restingOrders(0)).as("no legs before the trade").isZero();
        venue.deliverAll();

        assertThat(engine.positions().position(ACCOUNT, 0).net()).isEqualTo(2);
        assertThat(venue.exchange.restingOrders(0)).as("stop-loss and take-profit working").isEqualTo(2);
        engine.stopInline();
    }

    @Test
    void aCancelledUpdateAheadOfThePartialFillsTradeStillProtectsWhatFilled() {
        Bracketer s = new Bracketer(3, 101);
        start(s);
        market(100, 10, 101, 1);
        // the limit takes the one lot shown at 101 and rests for the rest; only the placement's answer arrives
        venue.deliverOnly(BracketEntryRaceTest::isAnswer);
        s.orders().cancel(s.entry);
        // the entry's updates, down to CANCELLED with one filled, arrive before the trade of that lot
        venue.deliverOnly(BracketEntryRaceTest::isAnswerOrOrderUpdate);
        assertThat(venue.exchange.restingOrders(0)).as("no legs before the trade").isZero();
        venue.deliverAll();

        assertThat(engine.positions().position(ACCOUNT, 0).net()).isEqualTo(1);
        assertThat(venue.exchange.restingOrders(0)).as("stop-loss and take-profit for the lot that filled")
                .isEqualTo(2);
        engine.stopInline();
    }
}
