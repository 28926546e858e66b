package io.tickflow.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickflow.engine.ring.WaitStrategyKind;
import io.tickflow.engine.risk.RiskLimits;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private TickflowConfig load(String yaml, Map<String, String> env) throws IOException {
        return ConfigLoader.load(write(yaml), env);
    }

    private void assertError(String yaml, String... fragments) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    private static final String STRATEGY = """
            strategies:
              - name: sma
                class: io.tickflow.strategies.SmaCrossover
                contracts: [ES]
                params: {fast: 5, slow: 20, bars: 1m}
            """;

    @Test
    void aFullConfigurationLoadsWithEveryValue() throws IOException {
        TickflowConfig c = load("""
                gateway:
                  type: projectx
                  url: https://api.example-firm.test
                  marketHub: https://rtc.example-firm.test/hubs/market
                  userHub: https://rtc.example-firm.test/hubs/user
                  username: ${PROJECTX_USERNAME}
                  apiKey: ${PROJECTX_API_KEY}
                accounts:
                  - id: 123
                    risk:
                      maxOrderSize: 2
                      maxPositionPerContract: 3
                      maxPositionPerAccount: 5
                      dailyLossLimit: 1000
                      trailingDrawdown: 2000.50
                      trailingMode: end_of_day
                      flattenMinutesBeforeClose: 5
                      holidays: [2026-12-25]
                strategies:
                  - name: sma
                    class: io.tickflow.strategies.SmaCrossover
                    account: 123
                    contracts: [ES, CON.F.US.MNQ.Z26]
                    params: {fast: 5, slow: 20, bars: 5m}
                commissions: {perSide: 1.40, MES: 0.37}
                engine: {ringSize: 4096, waitStrategy: yielding}
                """, Map.of("PROJECTX_USERNAME", "trader", "PROJECTX_API_KEY", "s3cret-value"));

        assertThat(c.gateway().isPaper()).isFalse();
        assertThat(c.gateway().username()).isEqualTo("trader");
        assertThat(c.gateway().userHub().toString()).endsWith("/hubs/user");
        RiskLimits risk = c.accounts().get(0).risk();
        assertThat(risk.maxOrderSize()).isEqualTo(2);
        assertThat(risk.maxPositionPerContract()).isEqualTo(3);
        assertThat(risk.dailyLossLimitCents()).isEqualTo(100_000);
        assertThat(risk.trailingDrawdownCents()).isEqualTo(200_050);
        assertThat(risk.trailingMode()).isEqualTo(RiskLimits.TrailingMode.END_OF_DAY);
        assertThat(risk.flattenBeforeClose()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.strategies().get(0).params()).containsEntry("fast", "5").containsEntry("bars", "5m");
        assertThat(c.strategies().get(0).contracts()).containsExactly("ES", "CON.F.US.MNQ.Z26");
        assertThat(c.commissionCentsPerSide()).isEqualTo(140);
        assertThat(c.commissionBySymbol()).containsEntry("MES", 37L);
        assertThat(c.engine().ringSize()).isEqualTo(4096);
        assertThat(c.engine().waitStrategy()).isEqualTo(WaitStrategyKind.YIELDING);
        assertThat(c.toString()).as("the key is never printed").doesNotContain("s3cret-value");
    }

    @Test
    void theDefaultsAreTheEmbeddedPaperGatewayAndOnePaperAccount() throws IOException {
        TickflowConfig c = load(STRATEGY, Map.of());
        assertThat(c.gateway().isPaper()).isTrue();
        assertThat(c.gateway().data()).isEqualTo("generated");
        assertThat(c.accounts()).extracting(TickflowConfig.Account::id).containsExactly(10_001L);
        assertThat(c.strategies().get(0).account()).isEqualTo(10_001L);
    }

    @Test
    void environmentVariablesHaveDefaultsAndAMissingOneIsNamed() throws IOException {
        TickflowConfig c = load("gateway: {speed: 2}\n" + STRATEGY.replace("fast: 5", "fast: '${FAST:-7}'"), Map.of());
        assertThat(c.strategies().get(0).params()).containsEntry("fast", "7");
        assertError("gateway:\n  type: projectx\n  url: https://x.test\n  marketHub: https://x.test/m\n"
                + "  userHub: https://x.test/u\n  username: me\n  apiKey: ${PROJECTX_API_KEY}\naccounts: [{id: 1}]\n"
                + STRATEGY, "run.yaml:7: gateway.apiKey: environment variable PROJECTX_API_KEY is not set");
    }

    @Test
    void everyErrorNamesTheFileLineAndKeyAndWhatWasExpected() throws IOException {
        assertError(STRATEGY + "engine:\n  ringsize: 1024\n", "run.yaml:7: engine.ringsize: unknown key",
                "expected one of ringSize, waitStrategy");
        assertError(STRATEGY + "engine: {ringSize: 1000}\n", "engine.ringSize: expected a power of two");
        assertError(STRATEGY.replace("bars: 1m", "bars: 7x"), "run.yaml:5: strategies[0].params.bars");
        assertError(STRATEGY.replace("SmaCrossover", "NoSuchStrategy"), "run.yaml:3: strategies[0].class",
                "no class io.tickflow.strategies.NoSuchStrategy");
        assertError(STRATEGY.replace("io.tickflow.strategies.SmaCrossover", "java.lang.String"),
                "does not implement io.tickflow.engine.strategy.Strategy");
        assertError(STRATEGY.replace("[ES]", "[XYZ]"), "strategies[0].contracts", "found 'XYZ'");
        assertError(STRATEGY + "  - name: sma\n    class: io.tickflow.strategies.SmaCrossover\n    contracts: [ES]\n",
                "run.yaml:6: strategies[1].name: strategy 'sma' is listed twice");
        assertError("accounts:\n  - id: 1\n    risk: {dailyLossLimit: -5}\n" + STRATEGY,
                "run.yaml:3: accounts[0].risk.dailyLossLimit: expected a non-negative amount");
        assertError("accounts:\n  - id: 1\n    risk: {maxOrderSize: many}\n" + STRATEGY,
                "accounts[0].risk.maxOrderSize: expected a whole number");
        assertError("gateway: {type: projectx, url: 'not a url'}\naccounts: [{id: 1}]\n" + STRATEGY,
                "gateway.url: expected an http(s) URL");
        assertError("gateway: {type: carrier-pigeon}\n" + STRATEGY, "gateway.type: expected paper or projectx");
        assertError("strategies: []\n", "strategies: at least one strategy is required");
        assertError("strategies:\n  - name: [unclosed\n", "run.yaml:", "not valid YAML");
    }

    @Test
    void aStrategyParameterIsCheckedByTheStrategyOnLoadAndPointedAtByLine() throws IOException {
        String multiLine = STRATEGY.replace("params: {fast: 5, slow: 20, bars: 1m}",
                "params:\n      fast: 5\n      slow: 20\n      bars: 1m\n");
        assertError(multiLine.replace("fast: 5", "fast: abc"),
                "run.yaml:6: strategies[0].params.fast: expected an integer, found 'abc'");
        assertError(multiLine.replace("slow: 20", "slow: 3"),
                "run.yaml:7: strategies[0].params.slow: expected more than fast (5), found 3");
        assertError(multiLine.replace("slow: 20", "slwo: 20"),
                "run.yaml:7: strategies[0].params.slwo: unknown parameter; SmaCrossover reads fast, slow,");
        assertError(multiLine.replace("bars: 1m", "bars: 7x"), "run.yaml:8: strategies[0].params.bars:");
        assertError(multiLine.replace("fast: 5", "fast: 99999999999"),
                "strategies[0].params.fast: expected an integer between");
    }

    @Test
    void malformedYamlIsOneLineWithTheLineAndColumnOfTheProblem() throws IOException {
        Path file = write("strategies:\n  - name: a\n    class: [x\n  b: : c\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .hasMessage(file + ":4:4: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got :");
        Path tab = write("strategies:\n\t- name: a\n");
        assertThatThrownBy(() -> ConfigLoader.load(tab, Map.of())).hasMessageStartingWith(tab + ":2:1: not valid YAML:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void flattenOnStopIsOffUnlessTheEngineSectionTurnsItOn() throws IOException {
        assertThat(load(STRATEGY, Map.of()).flattenOnStop()).isFalse();
        assertThat(load(STRATEGY + "engine: {flattenOnStop: true}\n", Map.of()).flattenOnStop()).isTrue();
        assertError(STRATEGY + "engine: {flattenOnStop: yes please}\n",
                "run.yaml:6: engine.flattenOnStop: expected true or false");
    }

    @Test
    void earlyClosesEndTheirTradeDatesSessionThenAndBadOnesAreNamedWithTheirLine() throws IOException {
        TickflowConfig c = load(STRATEGY + "engine:\n  earlyCloses: {2025-11-28: \"12:15\"}\n", Map.of());
        long friday = java.time.Instant.parse("2025-11-28T15:00:00Z").getEpochSecond() * 1_000_000_000L;
        assertThat(java.time.Instant.ofEpochSecond(0, c.sessions().sessionClose(friday)))
                .isEqualTo(java.time.Instant.parse("2025-11-28T18:15:00Z"));
        assertThat(load(STRATEGY, Map.of()).sessions().sessionClose(friday))
                .isEqualTo(java.time.Instant.parse("2025-11-28T22:00:00Z").getEpochSecond() * 1_000_000_000L);
        assertError(STRATEGY + "engine:\n  earlyCloses: {2025-11-28: noon}\n",
                "run.yaml:7: engine.earlyCloses.2025-11-28: expected a Chicago time like 12:15, found 'noon'");
        assertError(STRATEGY + "engine:\n  earlyCloses: {Black Friday: \"12:15\"}\n",
                "engine.earlyCloses.Black Friday: expected a trade date like 2026-11-27");
        assertError(STRATEGY + "engine:\n  earlyCloses: {2025-11-28: \"16:30\"}\n",
                "engine.earlyCloses: the early close 16:30 of 2025-11-28 is not before the session's usual close 16:00");
    }

    @Test
    void eachContractKeepsTheLineAndKeyItIsWrittenAt() throws IOException {
        TickflowConfig c = load("""
                strategies:
                  - name: sma
                    class: io.tickflow.strategies.SmaCrossover
                    contracts:
                      - ES
                      - CON.F.US.MES.Z26
                    params: {fast: 5, slow: 20, bars: 1m}
                """, Map.of());
        assertThat(c.strategies().get(0).contractOrigins()).containsExactly(
                new TickflowConfig.Origin(dir.resolve("run.yaml") + ":5", "strategies[0].contracts[0]"),
                new TickflowConfig.Origin(dir.resolve("run.yaml") + ":6", "strategies[0].contracts[1]"));
    }
}
