package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.BacktestRunner;
import io.tickflow.engine.backtest.GeneratedMarketReplay;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.strategies.SmaCrossover;

/** report.html of a generated backtest whose tight daily loss limit is breached. */
class HtmlReportTest {
    static BacktestResult breachingBacktest() {
        Contract es = Main.ES;
        return new BacktestRunner(BacktestRunner.Settings.defaults()
                        .withRisk(RiskLimits.none().withMaxPosition(5, 5).withDailyLossLimit(10_000)))
                .run(List.of(es), List.of(StrategySpec.of("sma", new SmaCrossover(), es.id())),
                        new GeneratedMarketReplay(GeneratorConfig.defaults(42).withSessions(2), 0));
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theReportHasThePriceWithEveryFillTheCurvesTheStatsAndTheBreaches(@TempDir Path dir) throws Exception {
        BacktestResult result = breachingBacktest();
        assertThat(result.fills()).isNotEmpty();
        assertThat(result.breaches()).as("the $100 daily loss limit is breached").isNotEmpty();
        Path file = dir.resolve("report.html");
        HtmlReport.write(result, "sma", file);
        String html = Files.readString(file);

        assertThat(count(html, "<polyline class=\"price\"")).isEqualTo(1);
        Matcher pts = Pattern.compile("<polyline class=\"price\"[^>]*points=\"([^\"]*)\"").matcher(html);
        assertThat(pts.find()).isTrue();
        assertThat(pts.group(1).split(" ").length).isBetween(2, HtmlReport.MAX_POINTS);
        assertThat(count(html, "<path class=\"fill (buy|sell) (entry|exit)\"")).isEqualTo(result.fills().size());
        assertThat(count(html, "class=\"fill buy")).isEqualTo(
                (int) result.fills().stream().filter(f -> f.side() == io.tickflow.engine.model.Side.BUY).count());
        assertThat(html).contains("fill buy", "fill sell", " entry\"", " exit\"");
        assertThat(html).contains("<polyline class=\"equity\"", "<path class=\"drawdown\"");
        assertThat(html).contains("Net PnL", "Win rate", "Profit factor", "Max drawdown", "Sharpe (daily)");
        assertThat(count(html, "<div class=\"stat\">")).isEqualTo(13);
        assertThat(html).contains("<table class=\"breaches\">", "dailyLossLimit");
        assertThat(count(html, "<tr class=\"breach\">")).isEqualTo(result.breaches().size());
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "@import", "url(");
        HtmlReport.write(result, "sma", dir.resolve("again.html"));
        assertThat(Files.readAllBytes(dir.resolve("again.html"))).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void textIsEscaped() {
        String html = HtmlReport.render(breachingBacktest(), "<script>alert(\"x\")</script> & 'y'");
        assertThat(html).doesNotContain("<script>", "alert(\"x\")", "'y'")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    }
}
