package io.tickflow.engine.risk;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.time.SessionCalendar;

/** The CME session closes 16:00 America/Chicago = 22:00Z in November. */
class TradingWindowTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;

    /** Buys one contract on every quote while flat; records rejections. */
    private static final class BuyWhenFlat implements Strategy {
        final List<String> rejections = new ArrayList<>();
        private StrategyContext ctx;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (ctx.orders().position(ES) == 0) {
                ctx.orders().market(ES, BUY, 1);
            }
        }

        @Override
        public void onOrder(OrderView o) {
            if (o.status() == OrderStatus.REJECTED) {
                rejections.add(Instant.ofEpochSecond(0, o.tsEvent()) + " " + o.rejectReason());
            }
        }
    }

    private static long at(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private final QuoteTranslator quote = new QuoteTranslator();

    private Engine engine(Strategy s, RiskLimits limits) {
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative())
                .risk(RiskLimits.none(), Map.of(ACCOUNT, limits))
                .contract(ES)
                .strategy(StrategySpec.of("s", s, ES.id()))
                .build();
        engine.start();
        return engine;
    }

    private void quoteAt(Engine engine, String iso) {
        long ts = at(iso);
        engine.publisher().publish(quote.topOfBook(0, ts, ts, 100, 5, 101, 5));
    }

    @Test
    void theAccountIsFlattenedWhenTheWindowClosesAndMayNotReopenUntilTheNextSession() {
        BuyWhenFlat s = new BuyWhenFlat();
        Engine engine = engine(s, RiskLimits.none().withTradingWindow(Duration.ofMinutes(15), Set.of()));
        quoteAt(engine, "2025-11-24T21:30:00Z");
        quoteAt(engine, "2025-11-24T21:44:59Z");
        quoteAt(engine, "2025-11-24T21:45:00Z");
        quoteAt(engine, "2025-11-24T21:50:00Z");
        quoteAt(engine, "2025-11-24T22:30:00Z");
        quoteAt(engine, "2025-11-24T23:00:01Z");
        engine.shutdown();

        // at 21:45 the flatten is still on its way when the strategy sees the quote, so it does not try
        assertThat(s.rejections).containsExactly(
                "2025-11-24T21:50:00Z tradingWindow: within 15 minutes of the session close",
                "2025-11-24T22:30:00Z tradingWindow: outside the trading session");
        // bought at 21:30, flattened at 21:45, bought again in the next session
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isEqualTo(1);
        assertThat(engine.positions().position(ACCOUNT, 0).fills()).isEqualTo(3);
    }

    @Test
    void onAHalfDayTheWindowClosesBeforeTheEarlyClose() {
        BuyWhenFlat s = new BuyWhenFlat();
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .calendar(SessionCalendar.cme().withEarlyCloses(Map.of(LocalDate.of(2025, 11, 28), LocalTime.of(12, 15))))
                .simulatedExchange(FillModel.conservative())
                .risk(RiskLimits.none(), Map.of(ACCOUNT, RiskLimits.none().withTradingWindow(Duration.ofMinutes(15),
                        Set.of())))
                .contract(ES)
                .strategy(StrategySpec.of("s", s, ES.id()))
                .build();
        engine.start();
        quoteAt(engine, "2025-11-28T17:30:00Z"); // 11:30 CT: buys
        quoteAt(engine, "2025-11-28T18:00:00Z"); // 12:00 CT, 15 minutes before the 12:15 close: flattened
        quoteAt(engine, "2025-11-28T18:05:00Z");
        engine.shutdown();

        assertThat(s.rejections).containsExactly(
                "2025-11-28T18:05:00Z tradingWindow: within 15 minutes of the session close");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
        assertThat(engine.positions().position(ACCOUNT, 0).fills()).isEqualTo(2);
    }

    @Test
    void nothingMayBeOpenedOnAHoliday() {
        BuyWhenFlat s = new BuyWhenFlat();
        Engine engine = engine(s, RiskLimits.none().withTradingWindow(Duration.ZERO, Set.of(LocalDate.of(2025, 11, 27))));
        // the session opening Wednesday 2025-11-26 17:00 CT trades for Thursday 27 (Thanksgiving)
        quoteAt(engine, "2025-11-26T23:30:00Z");
        engine.shutdown();

        assertThat(s.rejections).containsExactly("2025-11-26T23:30:00Z tradingWindow: trade date 2025-11-27 is a holiday");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
    }
}
