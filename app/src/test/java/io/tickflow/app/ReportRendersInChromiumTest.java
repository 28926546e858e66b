package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/render-report draws report.html in headless chromium: not blank. */
class ReportRendersInChromiumTest {
    @Test
    void theReportRendersToANonBlankScreenshot(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "/usr/bin/chromium is not installed (apt-get install chromium): rendering not checked");
        Path html = dir.resolve("report.html");
        HtmlReport.write(HtmlReportTest.breachingBacktest(), "sma", html);
        Path png = dir.resolve("report.png");
        Process p = new ProcessBuilder("bash", Path.of("..", "scripts", "render-report").toString(),
                html.toString(), png.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("render.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s");
        }
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("render.log"))).isZero();
        assertThat(png).isRegularFile();
        assertThat(Files.size(png)).isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
    }
}
