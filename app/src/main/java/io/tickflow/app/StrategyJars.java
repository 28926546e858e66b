package io.tickflow.app;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * {@code --strategy-jar FILE} (repeatable) on {@code run} and {@code backtest}: a trader's own
 * strategy classes, loaded by the class names the configuration gives, on top of the engine's
 * class path (so a jar needs only its own classes, the engine SPI comes from here).
 */
final class StrategyJars {
    @Option(names = "--strategy-jar", paramLabel = "FILE", description = "A jar with your own strategy classes, "
            + "named by 'class' in the configuration. Repeatable.")
    List<Path> jars = new ArrayList<>();

    /**
     * The loader strategy classes come from: the application's, with the jars on top.
     *
     * @throws IllegalArgumentException naming a jar that is not a readable file
     */
    ClassLoader loader() {
        if (jars.isEmpty()) {
            return StrategyJars.class.getClassLoader();
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
                throw new IllegalArgumentException("--strategy-jar " + jar + ": no such readable file");
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--strategy-jar " + jar + ": " + e.getMessage(), e);
            }
        }
        return new URLClassLoader("strategy-jars", urls.toArray(URL[]::new), StrategyJars.class.getClassLoader());
    }
}
