package io.tickflow.adapters.gateway.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PaperContractTest {
    private static List<String> ids(LocalDate day) {
        return PaperContract.defaults(day).stream().map(PaperContract::id).toList();
    }

    @Test
    void theDefaultsAreTheFrontMonthsWithTheServicesProductCodes() {
        assertThat(ids(LocalDate.of(2026, 11, 24))).containsExactly("CON.F.US.EP.Z26", "CON.F.US.MES.Z26",
                "CON.F.US.ENQ.Z26", "CON.F.US.MNQ.Z26", "CON.F.US.CLE.F27", "CON.F.US.GCE.Z26");
        assertThat(ids(LocalDate.of(2026, 12, 14))).as("equity index futures roll a week before expiry")
                .startsWith("CON.F.US.EP.H27");
        assertThat(ids(LocalDate.of(2026, 3, 5))).startsWith("CON.F.US.EP.H26");
    }

    @Test
    void tickSizesAndValuesAreTheExchanges() {
        List<PaperContract> c = PaperContract.defaults(LocalDate.of(2026, 11, 24));
        assertThat(c).extracting(p -> p.contract().symbol() + " " + p.contract().tickSize().toPlainString() + " "
                + p.contract().tickValue().toPlainString() + " " + p.symbolId()).containsExactly(
                "ES 0.25 12.5 F.US.EP", "MES 0.25 1.25 F.US.MES", "NQ 0.25 5 F.US.ENQ", "MNQ 0.25 0.5 F.US.MNQ",
                "CL 0.01 10 F.US.CLE", "GC 0.1 10 F.US.GCE");
        assertThat(c.get(0).name()).isEqualTo("ESZ26");
        assertThat(c.get(0).description()).isEqualTo("E-mini S&P 500: December 2026");
    }
}
