package io.tickflow.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ContractPriceConversionTest {
    private final Contract es = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");
    private final Contract gc = Contract.of("CON.F.US.GCE.G26", "GCG6", "0.10", "10.00", "USD");
    private final Contract cl = Contract.of("CON.F.US.CLE.F26", "CLF6", "0.01", "10.00", "USD");

    @Test
    void priceOnTheGridConvertsToWholeTicksAndBack() {
        assertThat(es.toTicks(6012.25)).isEqualTo(24049);
        assertThat(es.toTicks(new BigDecimal("6012.25"))).isEqualTo(24049);
        assertThat(es.toPrice(24049)).isEqualByComparingTo("6012.25");
        assertThat(es.toDouble(24049)).isEqualTo(6012.25);
        assertThat(gc.toTicks(1323.4)).isEqualTo(13234);
        assertThat(gc.toPrice(13234)).isEqualByComparingTo("1323.4");
        assertThat(cl.toTicks(71.37)).isEqualTo(7137);
    }

    @Test
    void decimalNoiseOfADoubleIsTolerated() {
        assertThat(gc.toTicks(0.1 + 0.2)).isEqualTo(3);
        assertThat(es.toTicks(6012.249999999999)).isEqualTo(24049);
        assertThat(gc.toTicks(Double.parseDouble("2208.100000000"))).isEqualTo(22081);
    }

    @Test
    void trailingZerosOfAnExactDecimalAreAccepted() {
        assertThat(gc.toTicks(new BigDecimal("2208.100000000"))).isEqualTo(22081);
        assertThat(gc.tickSize()).isEqualByComparingTo("0.1");
    }

    @Test
    void offTickPriceIsRejectedNamingContractAndTickSize() {
        assertThatThrownBy(() -> es.toTicks(6012.30))
                .isInstanceOf(InvalidPriceException.class)
                .hasMessageContaining("6012.3")
                .hasMessageContaining("CON.F.US.EP.Z25")
                .hasMessageContaining("0.25");
        assertThatThrownBy(() -> es.toTicks(new BigDecimal("6012.125"))).isInstanceOf(InvalidPriceException.class);
        assertThatThrownBy(() -> gc.toTicks(1323.45)).isInstanceOf(InvalidPriceException.class);
    }

    @Test
    void nonFinitePricesAreRejected() {
        assertThatThrownBy(() -> es.toTicks(Double.NaN)).isInstanceOf(InvalidPriceException.class)
                .hasMessageContaining("NaN").hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> es.toTicks(Double.POSITIVE_INFINITY)).isInstanceOf(InvalidPriceException.class);
        assertThatThrownBy(() -> es.toTicks(Double.NEGATIVE_INFINITY)).isInstanceOf(InvalidPriceException.class);
    }

    @Test
    void negativePriceIsRejectedUnlessTheContractAllowsIt() {
        assertThatThrownBy(() -> es.toTicks(-1.0)).isInstanceOf(InvalidPriceException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> es.toTicks(new BigDecimal("-0.25"))).isInstanceOf(InvalidPriceException.class);
        Contract crude2020 = cl.withNegativePricesAllowed(true);
        assertThat(crude2020.toTicks(-37.63)).isEqualTo(-3763);
        assertThat(crude2020.toPrice(-3763)).isEqualByComparingTo("-37.63");
    }

    @Test
    void zeroIsAValidPrice() {
        assertThat(es.toTicks(0.0)).isZero();
        assertThat(es.toTicks(-0.0)).isZero();
    }

    @Test
    void hugePricesBeyondTheEngineRangeAreRejected() {
        assertThatThrownBy(() -> es.toTicks(1e300)).isInstanceOf(InvalidPriceException.class)
                .hasMessageContaining("range");
        assertThatThrownBy(() -> es.toTicks(Double.MAX_VALUE)).isInstanceOf(InvalidPriceException.class);
        assertThatThrownBy(() -> es.toTicks(new BigDecimal("1e15"))).isInstanceOf(InvalidPriceException.class);
        assertThat(es.toTicks(new BigDecimal("250000000000"))).isEqualTo(Contract.MAX_PRICE_TICKS);
    }

    @Test
    void moneyIsWholeCentsAndOverflowFailsLoudly() {
        assertThat(es.tickValueCents()).isEqualTo(1250);
        assertThat(es.ticksToCents(4, 2)).isEqualTo(10_000);
        assertThat(es.ticksToCents(-3, 1)).isEqualTo(-3750);
        assertThatThrownBy(() -> es.ticksToCents(Long.MAX_VALUE / 2, 3)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void contractDefinitionsAreValidated() {
        assertThatThrownBy(() -> Contract.of("X", "X", "0", "1", "USD")).hasMessageContaining("tick size");
        assertThatThrownBy(() -> Contract.of("X", "X", "0.25", "-1", "USD")).hasMessageContaining("tick value");
        assertThatThrownBy(() -> Contract.of("X", "X", "0.25", "0.125", "USD")).hasMessageContaining("whole number of cents");
        assertThatThrownBy(() -> Contract.of(" ", "X", "0.25", "1", "USD")).hasMessageContaining("id");
    }

    @Test
    void registryGivesDenseIndexesAndRejectsConflictingDefinitions() {
        ContractRegistry registry = new ContractRegistry();
        assertThat(registry.register(es)).isZero();
        assertThat(registry.register(gc)).isEqualTo(1);
        assertThat(registry.register(es)).isZero();
        assertThat(registry.indexOf("CON.F.US.GCE.G26")).isEqualTo(1);
        assertThat(registry.indexOf("CON.F.US.XX.Z25")).isEqualTo(-1);
        assertThatThrownBy(() -> registry.requireIndex("CON.F.US.XX.Z25"))
                .hasMessageContaining("unknown contract 'CON.F.US.XX.Z25'").hasMessageContaining("CON.F.US.EP.Z25");
        Contract conflicting = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.5", "12.50", "USD");
        assertThatThrownBy(() -> registry.register(conflicting)).hasMessageContaining("already registered");
    }
}
