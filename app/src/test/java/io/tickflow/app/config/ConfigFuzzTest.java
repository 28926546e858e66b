package io.tickflow.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the config loader: valid configurations (paper and projectx) truncated,
 * with lines dropped or doubled, values of the wrong type (NaN, infinities, huge numbers,
 * lists for scalars, unset variables), unknown keys and enum values, garbage and alias bombs.
 * Every input either loads or fails with a {@link ConfigException} that names the file; none
 * throws anything else, and no message carries the API key. {@code -Dtickflow.fuzz.inputs=N},
 * {@code -Dtickflow.fuzz.seed=S}.
 */
class ConfigFuzzTest {
    private static final String SECRET = "cfg-secret-5e11a0";
    private static final String PAPER = """
            gateway:
              type: paper
              speed: 10
              seed: 42
              dataContract: ES
            accounts:
              - id: 10001
                risk: {maxOrderSize: 5, maxPositionPerContract: 3, maxPositionPerAccount: 5, maxWorkingOrders: 20,
                       maxOrdersPerSecond: 10, priceBandTicks: 40, dailyLossLimit: 1000, trailingDrawdown: 2000,
                       trailingMode: intraday, flattenMinutesBeforeClose: 5, holidays: [2026-12-25]}
            strategies:
              - name: sma
                class: io.tickflow.strategies.SmaCrossover
                account: 10001
                contracts: [ES, CON.F.US.ENQ.Z26]
                params: {fast: 10, slow: 30, bars: 1m}
            commissions: {perSide: 1.40, MES: 0.37}
            engine: {ringSize: 65536, waitStrategy: yielding}
            """;
    private static final String LIVE = """
            gateway:
              type: projectx
              url: https://api.example.test
              marketHub: https://rtc.example.test/hubs/market
              userHub: https://rtc.example.test/hubs/user
              username: ${PROJECTX_USERNAME:-trader}
              apiKey: ${PROJECTX_API_KEY}
            accounts:
              - id: 7
                risk:
                  maxOrderSize: 2
                  dailyLossLimit: 500.50
            strategies:
              - name: breakout
                class: io.tickflow.strategies.SmaCrossover
                contracts: [MES]
            """;
    private static final String[] BAD_VALUES = {".nan", ".inf", "-.inf", "1e400", "-1", "0", "99999999999999999999999",
            "[1, 2]", "{a: 1}", "~", "''", "\"${NOT_SET}\"", "yes", "0x1F", "12:30", "2026-02-30", "\"\\u0000\"",
            "&x [*x]", "!!binary aGVsbG8=", "1.5", "'ES '", "BUSY_SPIN", "end_of_day", "-0.001"};
    private static final String[] KEYS = {"bogus", "risk", "params", "speed", "seed", "id", "class", "contracts",
            "name", "url", "apiKey", "type", "ringSize"};

    @TempDir
    Path dir;

    @Test
    void everyBadConfigurationIsAClearErrorNamingTheFileAndNeverAnythingElse() throws IOException {
        long seed = Long.getLong("tickflow.fuzz.seed", 4_711L);
        int inputs = Integer.getInteger("tickflow.fuzz.inputs", 600);
        Random random = new Random(seed);
        Path file = dir.resolve("fuzz.yaml");
        Map<String, String> env = Map.of("PROJECTX_API_KEY", SECRET);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            String base = random.nextBoolean() ? PAPER : LIVE;
            String[] m = mutate(random, base);
            Files.writeString(file, m[1]);
            try {
                ConfigLoader.load(file, env);
                outcomes.merge(m[0] + ": loaded", 1, Integer::sum);
            } catch (ConfigException e) {
                outcomes.merge(m[0] + ": clear error", 1, Integer::sum);
                if (!e.getMessage().startsWith(file.toString())) {
                    failures.add("no file in '" + e.getMessage() + "' for:\n" + m[1]);
                }
                if (e.getMessage().contains(SECRET)) {
                    failures.add("the API key in '" + e.getMessage() + "'");
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(m[0] + " threw " + e + " for:\n" + m[1]);
            }
        }
        System.out.printf("config fuzz (seed %d): %d inputs tried %s%n", seed, inputs, outcomes);
        assertThat(failures).as("inputs that did not end in a config or a clear error").isEmpty();
        assertThat(outcomes.keySet()).anyMatch(k -> k.endsWith("clear error"))
                .as("a doubled line (a key given twice) loaded").doesNotContain("line doubled: loaded");
    }

    @Test
    void aKeyGivenTwiceAndAnAmountNoLongCanHoldAreClearErrors() throws IOException {
        Path file = dir.resolve("twice.yaml");
        Files.writeString(file, PAPER.replace("  speed: 10\n", "  speed: 10\n  speed: 1000\n"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(file + ":").hasMessageContaining("speed");
        Files.writeString(file, PAPER.replace("dailyLossLimit: 1000", "dailyLossLimit: 1e400"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dailyLossLimit");
        Files.writeString(file, PAPER.replace("dailyLossLimit: 1000", "dailyLossLimit: 1e30"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dailyLossLimit");
    }

    private static String[] mutate(Random random, String valid) {
        List<String> lines = new ArrayList<>(List.of(valid.split("\n")));
        int at = random.nextInt(lines.size());
        switch (random.nextInt(8)) {
            case 0:
                return new String[] {"truncated", valid.substring(0, random.nextInt(valid.length()))};
            case 1:
                lines.remove(at);
                return new String[] {"line dropped", String.join("\n", lines)};
            case 2:
                lines.add(at, lines.get(at));
                return new String[] {"line doubled", String.join("\n", lines)};
            case 3: {
                String line = lines.get(at);
                String indent = line.substring(0, line.length() - line.stripLeading().length());
                lines.add(at, indent + KEYS[random.nextInt(KEYS.length)] + ": " + BAD_VALUES[random.nextInt(
                        BAD_VALUES.length)]);
                return new String[] {"key inserted", String.join("\n", lines)};
            }
            case 4: {
                StringBuilder s = new StringBuilder();
                String alphabet = "abc:{}[]-#&*!|>'\"%@`\t\n 019.";
                for (int k = random.nextInt(60); k > 0; k--) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return new String[] {"garbage", s.toString()};
            }
            case 5:
                return new String[] {"alias bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n"
                        + "c: &c [*b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d]\n"
                        + valid};
            default: {
                String line = lines.get(at);
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    return new String[] {"value replaced", valid.replace("10001", BAD_VALUES[random.nextInt(
                            BAD_VALUES.length)])};
                }
                lines.set(at, line.substring(0, colon + 2) + BAD_VALUES[random.nextInt(BAD_VALUES.length)]);
                return new String[] {"value replaced", String.join("\n", lines)};
            }
        }
    }
}
