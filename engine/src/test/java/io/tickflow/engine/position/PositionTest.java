package io.tickflow.engine.position;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static io.tickflow.engine.testing.TestContracts.ES;
import static io.tickflow.engine.testing.TestContracts.GC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;

class PositionTest {
    @Test
    void closingFillsCloseTheOldestLotsFirstAndRealizeWholeTicks() {
        Position p = new Position(7, ES);
        assertThat(p.apply(BUY, 2, 100, 0)).isZero();
        assertThat(p.apply(BUY, 1, 104, 0)).isZero();
        assertThat(p.avgPriceMicroTicks()).isEqualTo(101_333_333);

        // sells 2 at 106: closes the two lots bought at 100 -> +12 ticks
        assertThat(p.apply(SELL, 2, 106, 0)).isEqualTo(12);
        assertThat(p.net()).isEqualTo(1);
        assertThat(p.lots()).isDeepEqualTo(new long[][] {{104, 1}});

        // sells 3 at 102: closes the lot at 104 (-2 ticks) and opens a 2-lot short at 102
        assertThat(p.apply(SELL, 3, 102, 0)).isEqualTo(-2);
        assertThat(p.net()).isEqualTo(-2);
        assertThat(p.avgPriceMicroTicks()).isEqualTo(102 * PriceTicks.MICROS_PER_TICK);
        assertThat(p.realizedTicks()).isEqualTo(10);
        assertThat(p.realizedCents()).isEqualTo(12_500);
        // short 2 at 102 marked at 100: +4 ticks = $50
        assertThat(p.unrealizedCents(100)).isEqualTo(5_000);

        assertThat(p.apply(BUY, 2, 101, 0)).isEqualTo(2);
        assertThat(p.isFlat()).isTrue();
        assertThat(p.unrealizedCents(50)).isZero();
        assertThat(p.avgPriceMicroTicks()).isZero();
        assertThat(p.fills()).isEqualTo(5);
    }

    @Test
    void commissionsAreChargedPerContractPerSideAndKeptApartFromTradingPnl() {
        ContractRegistry contracts = new ContractRegistry();
        contracts.register(ES);
        contracts.register(GC);
        PositionBook book = new PositionBook(contracts, new CommissionSchedule(100, Map.of(GC.id(), 250L)));
        book.applyFill(1, 0, BUY, 2, 24_000);
        book.applyFill(1, 0, SELL, 2, 24_004);
        book.applyFill(1, 1, SELL, 1, 13_234);
        book.applyFill(2, 0, BUY, 1, 24_000);

        assertThat(book.realizedCents(1)).isEqualTo(4 * 2 * 1250);
        assertThat(book.commissionCents(1)).isEqualTo(4 * 100 + 250);
        // GC short 1 at 1323.4 marked at 1320.0: +34 ticks x $10
        assertThat(book.unrealizedCents(1, new long[] {24_004, 13_200})).isEqualTo(34_000);
        assertThat(book.unrealizedCents(2, new long[] {23_990, 0})).isEqualTo(-10 * 1250);
        assertThat(book.realizedCents(3)).isZero();
        assertThat(book.positions()).hasSize(3);
    }

    @Test
    void badFillsAreRejectedNamingTheContract() {
        Position p = new Position(1, ES);
        assertThatThrownBy(() -> p.apply(BUY, 0, 100, 0)).hasMessageContaining("size must be positive")
                .hasMessageContaining(ES.id());
        assertThatThrownBy(() -> p.apply(BUY, 1, PriceTicks.NONE, 0)).hasMessageContaining("without a price");
        assertThatThrownBy(() -> p.apply(BUY, 1, 100, -5)).hasMessageContaining("commission");
        assertThatThrownBy(() -> new CommissionSchedule(-1, Map.of())).hasMessageContaining("negative");
        assertThat(p.fills()).isZero();
    }

    @Test
    void positionIsTheSumOfFillsAndPnlIsTheCashFlowMarkedToMarket() {
        long seed = 424242L;
        Random random = new Random(seed);
        Position p = new Position(1, ES);
        long signedSum = 0;
        long cash = 0;
        for (int i = 0; i < 20_000; i++) {
            Side side = random.nextBoolean() ? BUY : SELL;
            long size = 1 + random.nextInt(5);
            long price = 24_000 + random.nextInt(200) - 100;
            p.apply(side, size, price, 0);
            signedSum += side.sign() * size;
            cash -= side.sign() * size * price;
            long mark = 24_000 + random.nextInt(200) - 100;
            if (i % 101 == 0) {
                assertThat(p.net()).as("seed %d step %d", seed, i).isEqualTo(signedSum);
                long marked = cash + signedSum * mark;
                assertThat(p.realizedCents() + p.unrealizedCents(mark)).as("seed %d step %d", seed, i)
                        .isEqualTo(marked * ES.tickValueCents());
                long lotTotal = 0;
                for (long[] lot : p.lots()) {
                    lotTotal += lot[1];
                }
                assertThat(lotTotal).isEqualTo(Math.abs(signedSum));
            }
        }
    }
}
