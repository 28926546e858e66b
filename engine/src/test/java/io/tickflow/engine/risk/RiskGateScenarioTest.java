package io.tickflow.engine.risk;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static io.tickflow.engine.testing.TestContracts.ES;
import static io.tickflow.engine.testing.TestContracts.NQ;
import static io.tickflow.engine.testing.TestTimes.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.core.StrategyState;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TimerTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.Strategy;

/** Each rule through the whole pipeline, with the simulated exchange as the gateway. */
class RiskGateScenarioTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;

    private final List<RiskBreach> breaches = new ArrayList<>();
    private final List<RiskBreach> lifted = new ArrayList<>();
    private final QuoteTranslator quote = new QuoteTranslator();
    private final TradeTranslator trade = new TradeTranslator();

    private Engine engine(Strategy strategy, RiskLimits limits) {
        Engine engine = builder(strategy, limits, ES).build();
        engine.start();
        return engine;
    }

    /** An engine on this thread ({@link Engine#processInline}), so that its state can be asked between events. */
    private Engine inline(Strategy strategy, RiskLimits limits, Contract... contracts) {
        Engine engine = builder(strategy, limits, contracts).build();
        engine.startInline();
        return engine;
    }

    private Engine.Builder builder(Strategy strategy, RiskLimits limits, Contract... contracts) {
        Engine.Builder builder = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative())
                .risk(RiskLimits.none(), Map.of(ACCOUNT, limits))
                .listener(new EngineListener() {
                    @Override
                    public void onRiskBreach(RiskBreach breach) {
                        breaches.add(breach);
                    }

                    @Override
                    public void onRiskBreachLifted(RiskBreach breach) {
                        lifted.add(breach);
                    }
                });
        List<String> ids = new ArrayList<>();
        for (Contract c : contracts) {
            builder.contract(c);
            ids.add(c.id());
        }
        return builder.strategy(StrategySpec.of("s", strategy, ids.toArray(new String[0])));
    }

    private void quotes(Engine engine, long... bids) {
        long ts = 1_000;
        for (long bid : bids) {
            ts += 1_000_000;
            engine.publisher().publish(quote.topOfBook(0, ts, ts, bid, 10, bid + 1, 10));
        }
    }

    @Test
    void anOrderAboveTheMaximumSizeIsRejectedWithTheRuleAndNeverSent() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 6);
                orders.market(ES, BUY, 5);
            }
        });
        Engine engine = engine(s, RiskLimits.none().withMaxOrderSize(5));
        quotes(engine, 100, 100);
        engine.shutdown();

        assertThat(s.rejections).containsExactly("maxOrderSize: order size 6 exceeds the maximum of 5");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isEqualTo(5);
    }

    @Test
    void thePositionLimitCountsWorkingOrdersThatCouldFillAndLetsReducingOrdersThrough() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 2);
            } else if (n == 1) {
                orders.limit(ES, BUY, 2, 95);
                orders.limit(ES, BUY, 2, 94);
                orders.market(ES, SELL, 2);
            }
        });
        Engine engine = engine(s, RiskLimits.none().withMaxPosition(4, 0));
        quotes(engine, 100, 100, 100);
        engine.shutdown();

        assertThat(s.rejections).containsExactly(
                "maxPosition: position could reach 6 contracts, above the per-contract limit of 4");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
        assertThat(engine.simulatedExchange().restingOrders(0)).isEqualTo(1);
    }

    @Test
    void workingOrderCountRateAndPriceBandEachStopOrders() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.limit(ES, BUY, 1, 90);
                orders.limit(ES, BUY, 1, 91);
                orders.limit(ES, BUY, 1, 92);
                orders.limit(ES, BUY, 1, 40);
            }
        });
        Engine engine = engine(s, RiskLimits.none().withMaxWorkingOrders(2).withPriceBand(20));
        quotes(engine, 100);
        engine.shutdown();
        assertThat(s.rejections).containsExactly(
                "maxWorkingOrders: 2 orders already working, the maximum is 2",
                "maxWorkingOrders: 2 orders already working, the maximum is 2");

        Scripted band = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.limit(ES, BUY, 1, 40);
                orders.stop(ES, BUY, 1, 150);
            }
        });
        Engine second = engine(band, RiskLimits.none().withPriceBand(20));
        quotes(second, 100);
        second.shutdown();
        assertThat(band.rejections).containsExactly(
                "priceBand: limit price 40 is more than 20 ticks from 100",
                "priceBand: stop price 150 is more than 20 ticks from 100");
    }

    @Test
    void theOrderRateLimitSlidesOverOneSecond() {
        Scripted s = new Scripted((orders, n) -> orders.limit(ES, BUY, 1, 90 - n));
        Engine engine = engine(s, RiskLimits.none().withMaxOrdersPerSecond(3));
        // four quotes 1 ms apart, then one 1.1 s after the first
        quotes(engine, 100, 100, 100, 100);
        long late = 1_000 + 1_000_000 + 1_100_000_000L;
        engine.publisher().publish(quote.topOfBook(0, late, late, 100, 10, 101, 10));
        engine.shutdown();

        assertThat(s.rejections).containsExactly("maxOrdersPerSecond: 3 orders already sent in the last second");
        assertThat(engine.simulatedExchange().restingOrders(0)).isEqualTo(4);
    }

    @Test
    void theKillSwitchRefusesEveryNewOrder() {
        Scripted s = new Scripted((orders, n) -> orders.market(ES, BUY, 1));
        Engine engine = engine(s, RiskLimits.none());
        engine.killSwitch(true);
        quotes(engine, 100);
        engine.shutdown();

        assertThat(s.rejections).containsExactly("killSwitch: the kill switch is on; only orders that reduce a position pass");
    }

    @Test
    void aDailyLossBreachCancelsFlattensHaltsAndSaysWhichRuleByHowMuch() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 2);
                orders.limit(ES, BUY, 1, 80);
            }
        });
        // $500 daily loss limit; 2 ES long from 101: each tick down costs $25
        Engine engine = engine(s, RiskLimits.none().withDailyLossLimit(50_000));
        quotes(engine, 100, 95, 90, 85, 80, 79);
        engine.shutdown();

        assertThat(breaches).hasSize(1);
        RiskBreach breach = breaches.get(0);
        assertThat(breach.rule()).isEqualTo("dailyLossLimit");
        assertThat(breach.limitCents()).isEqualTo(50_000);
        // bought 2 at 101 (the ask), marked at the mid rounded down: at 85, 16 ticks x 2 x $12.50 = $400 < $500;
        // at 80, 21 ticks x 2 = $525: breach by $25
        assertThat(breach.excessCents()).isEqualTo(2_500);
        assertThat(breach.detail()).contains("$525.00").contains("$500.00");
        assertThat(engine.strategyState("s")).isEqualTo(StrategyState.STOPPED);
        // halted before it saw the quote that breached
        assertThat(s.quotesSeen).hasSize(4);
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
        assertThat(engine.simulatedExchange().restingOrders(0)).isZero();
    }

    /** 1970-01-01T23:30Z: the session after the one the scripted quotes fall in (it opened at 17:00 CT, 23:00Z). */
    private static final long NEXT_SESSION = 84_600_000_000_000L;

    /** Time passes into the next session, and one quote arrives there. */
    private void nextSession(Engine engine, long bid) {
        engine.publisher().publish(new TimerTranslator().set(NEXT_SESSION));
        engine.publisher().publish(quote.topOfBook(0, NEXT_SESSION + 1, NEXT_SESSION + 1, bid, 10, bid + 1, 10));
    }

    @Test
    void aDailyLossBreachLastsUntilTheNextSessionWhenTheStrategiesItHaltedTradeAgain() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 2);
            } else if (n == 4) {
                orders.market(ES, BUY, 1); // its first quote of the next session
            }
        });
        Engine engine = engine(s, RiskLimits.none().withDailyLossLimit(50_000));
        quotes(engine, 100, 95, 90, 85, 80, 79);
        nextSession(engine, 79);
        engine.shutdown();

        assertThat(breaches).singleElement().satisfies(b -> assertThat(b.rule()).isEqualTo("dailyLossLimit"));
        assertThat(lifted).containsExactlyElementsOf(breaches);
        assertThat(s.quotesSeen).as("halted for the rest of the session, then running again").hasSize(5)
                .last().isEqualTo(NEXT_SESSION + 1);
        assertThat(s.rejections).isEmpty();
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isEqualTo(1);
    }

    @Test
    void aStrategyResumedAfterABreachFirstHearsWhatHappenedToItsOrdersWhileItWasHalted() {
        long[] ids = new long[2];
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 2);
                ids[1] = orders.limit(ES, BUY, 1, 70);
            }
        });
        Engine engine = engine(s, RiskLimits.none().withDailyLossLimit(50_000));
        quotes(engine, 100, 95, 90, 85, 80, 79);
        nextSession(engine, 79);
        engine.shutdown();

        assertThat(lifted).hasSize(1);
        List<String> afterBreach = s.heard.subList(s.heard.lastIndexOf("quote 85") + 1, s.heard.size());
        // the breach asks to cancel the working limit (heard at once), halts the strategy, and the cancel and the
        // flatten complete while it hears nothing; resumed, it is told first, then trades on
        assertThat(afterBreach).containsExactly("order " + ids[1] + " PENDING_CANCELLATION",
                "order " + ids[1] + " CANCELLED", "position 0", "quote 79");
        assertThat(engine.simulatedExchange().restingOrders(0)).isZero();
    }

    @Test
    void aTrailingDrawdownBreachOutlastsTheSession() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 1);
            }
        });
        Engine engine = engine(s, RiskLimits.none().withTrailingDrawdown(25_000, RiskLimits.TrailingMode.INTRADAY));
        quotes(engine, 100, 90, 80, 70);
        nextSession(engine, 70);
        engine.shutdown();

        assertThat(breaches).singleElement().satisfies(b -> assertThat(b.rule()).isEqualTo("trailingDrawdown"));
        assertThat(lifted).isEmpty();
        assertThat(s.quotesSeen).as("no quote after the breach").allMatch(ts -> ts < NEXT_SESSION);
    }

    @Test
    void theTrailingDrawdownFloorFollowsTheHighWaterMarkIntraday() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 1);
            }
        });
        // $250 trailing drawdown = 20 ticks of one ES
        Engine engine = engine(s, RiskLimits.none().withTrailingDrawdown(25_000, RiskLimits.TrailingMode.INTRADAY));
        engine.publisher().publish(quote.topOfBook(0, 1, 1, 100, 10, 101, 10));
        engine.publisher().publish(trade.set(0, 2, 2, 130, 1, null));
        engine.publisher().publish(trade.set(0, 3, 3, 111, 1, null));
        engine.publisher().publish(trade.set(0, 4, 4, 110, 1, null));
        engine.shutdown();

        assertThat(breaches).singleElement().satisfies(b -> {
            assertThat(b.rule()).isEqualTo("trailingDrawdown");
            assertThat(b.detail()).contains("high-water mark $362.50");
        });
    }

    @Test
    void inEndOfDayModeTheHighWaterMarkWaitsForTheSessionClose() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 1);
            }
        });
        Engine engine = engine(s, RiskLimits.none().withTrailingDrawdown(25_000, RiskLimits.TrailingMode.END_OF_DAY));
        engine.publisher().publish(quote.topOfBook(0, 1, 1, 100, 10, 101, 10));
        engine.publisher().publish(trade.set(0, 2, 2, 130, 1, null));
        engine.publisher().publish(trade.set(0, 3, 3, 110, 1, null));
        engine.shutdown();

        assertThat(breaches).as("intraday highs do not move an end-of-day floor").isEmpty();
    }

    @Test
    void theAccountPositionLimitSumsEveryContractAndRefusesTheOrderThatWouldPassItWithTheReason() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 2);
            } else if (n == 2) {
                orders.market(NQ, BUY, 2);  // 2 ES + 2 NQ = 4
                orders.market(NQ, SELL, 1); // 2 ES + 1 NQ short = 3
            } else if (n == 4) {
                orders.market(NQ, SELL, 1); // 2 ES + 2 NQ short = 4
                orders.market(ES, SELL, 1); // reduces: always passes
            }
        });
        Engine engine = builder(s, RiskLimits.none().withMaxPosition(0, 3), ES, NQ).build();
        engine.start();
        for (int i = 0; i < 6; i++) {
            long ts = 1_000 + i * 1_000_000L;
            engine.publisher().publish(quote.topOfBook(i % 2, ts, ts, 100, 10, 101, 10));
        }
        engine.shutdown();

        assertThat(s.rejections).containsExactly(
                "maxPosition: account position could reach 4 contracts, above the account limit of 3",
                "maxPosition: account position could reach 4 contracts, above the account limit of 3");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isEqualTo(1);
        assertThat(engine.simulatedExchange().net(ACCOUNT, 1)).isEqualTo(-1);
    }

    @Test
    void theAccountPositionLimitCountsOrdersStillOnTheirWayAndWorking() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 2);   // on its way: ES could reach 2
                orders.market(NQ, BUY, 2);   // 2 + 2 = 4
                orders.limit(ES, BUY, 2, 90); // ES could reach 4
                orders.limit(NQ, BUY, 1, 90); // 2 + 1 = 3
            }
        });
        Engine engine = builder(s, RiskLimits.none().withMaxPosition(0, 3), ES, NQ).build();
        engine.start();
        engine.publisher().publish(quote.topOfBook(0, 1_000, 1_000, 100, 10, 101, 10));
        engine.publisher().publish(quote.topOfBook(1, 2_000, 2_000, 100, 10, 101, 10));
        engine.shutdown();

        assertThat(s.rejections).containsExactly(
                "maxPosition: account position could reach 4 contracts, above the account limit of 3",
                "maxPosition: account position could reach 4 contracts, above the account limit of 3");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isEqualTo(2);
        assertThat(engine.simulatedExchange().restingOrders(1)).isEqualTo(1);
    }

    @Test
    void inEndOfDayModeTheFloorMovesOnlyWhenTheSessionEndsAndItsBreachCancelsFlattensAndHalts() {
        long[] limitId = new long[1];
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 1);
                limitId[0] = orders.limit(ES, BUY, 1, 80);
            }
        });
        // $250 trailing drawdown = 20 ticks of one ES, bought at 101
        Engine engine = inline(s, RiskLimits.none().withTrailingDrawdown(25_000, RiskLimits.TrailingMode.END_OF_DAY),
                ES);
        long monday = at("2025-11-24T15:00:00Z");   // 09:00 CT, Monday's session
        engine.processInline(quote.topOfBook(0, monday, monday, 100, 10, 101, 10));
        engine.processInline(trade.set(0, monday + 1, monday + 1, 130, 1, null)); // equity $362.50
        engine.processInline(trade.set(0, monday + 2, monday + 2, 110, 1, null)); // $112.50: 250 below the high
        engine.processInline(trade.set(0, monday + 3, monday + 3, 125, 1, null)); // $300.00: Monday ends here
        assertThat(breaches).as("the floor does not follow Monday's intraday high").isEmpty();

        long evening = at("2025-11-24T23:30:00Z");  // 17:30 CT: Tuesday's session, the floor is now $300 - $250
        engine.processInline(trade.set(0, evening, evening, 112, 1, null));         // $137.50
        engine.processInline(trade.set(0, evening + 1, evening + 1, 140, 1, null)); // $487.50: intraday, moves nothing
        engine.processInline(trade.set(0, evening + 2, evening + 2, 106, 1, null)); // $62.50
        assertThat(breaches).isEmpty();
        assertThat(engine.strategyState("s")).isEqualTo(StrategyState.RUNNING);

        engine.processInline(trade.set(0, evening + 3, evening + 3, 104, 1, null)); // $37.50: $12.50 below the floor
        assertThat(breaches).singleElement().satisfies(b -> {
            assertThat(b.rule()).isEqualTo(RiskBreach.TRAILING_DRAWDOWN);
            assertThat(b.accountId()).isEqualTo(ACCOUNT);
            assertThat(b.limitCents()).isEqualTo(25_000);
            assertThat(b.excessCents()).isEqualTo(1_250);
            assertThat(b.tsEvent()).isEqualTo(evening + 3);
            assertThat(b.detail()).isEqualTo(
                    "equity $37.50 fell to the floor $50.00 (high-water mark $300.00, END_OF_DAY)");
        });
        assertThat(engine.strategyState("s")).isEqualTo(StrategyState.HALTED);
        assertThat(s.heard).contains("order " + limitId[0] + " PENDING_CANCELLATION");
        assertThat(engine.simulatedExchange().restingOrders(0)).as("the working limit cancelled").isZero();
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).as("flattened at the exchange").isZero();
        assertThat(engine.positions().position(ACCOUNT, 0).isFlat()).isTrue();

        int heard = s.heard.size();
        engine.processInline(quote.topOfBook(0, evening + 4, evening + 4, 104, 10, 105, 10));
        engine.stopInline();
        assertThat(s.heard).as("halted: it hears nothing more").hasSize(heard);
        assertThat(s.quotesSeen).hasSize(1);
    }
}
