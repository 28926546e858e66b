package io.tickflow.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickflow.engine.order.UnknownOrderPolicy;

/** {@code engine.journal}, {@code engine.journalSync} and {@code engine.orphans}: crash recovery in a run configuration. */
class RecoveryConfigTest {
    @TempDir
    Path dir;

    private static final String STRATEGY = """
            strategies:
              - name: sma
                class: io.tickflow.strategies.SmaCrossover
                contracts: [ES]
            """;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void withoutAJournalThereIsNoneAndOrphansWouldBeCancelled() throws IOException {
        TickflowConfig c = ConfigLoader.load(write(STRATEGY), Map.of());

        assertThat(c.recovery().journal()).isNull();
        assertThat(c.recovery().sync()).isFalse();
        assertThat(c.recovery().orphans()).isEqualTo(UnknownOrderPolicy.CANCEL);
    }

    @Test
    void theJournalCanBeForcedToTheDiskAndSayingSoOtherThanTrueOrFalseIsAnError() throws IOException {
        TickflowConfig c = ConfigLoader.load(write(STRATEGY + "engine: {journal: j, journalSync: true}\n"), Map.of());
        assertThat(c.recovery().sync()).isTrue();

        Path file = write(STRATEGY + "engine:\n  journal: j\n  journalSync: always\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("run.yaml:7").hasMessageContaining("journalSync")
                .hasMessageContaining("expected true or false");
    }

    @Test
    void aRelativeJournalIsBesideTheConfigurationAndOrphansCanBeAdopted() throws IOException {
        TickflowConfig c = ConfigLoader.load(write(STRATEGY + "engine: {journal: state/journal, orphans: ADOPT}\n"),
                Map.of());

        assertThat(c.recovery().journal()).isEqualTo(dir.toAbsolutePath().resolve("state/journal"));
        assertThat(c.recovery().orphans()).isEqualTo(UnknownOrderPolicy.ADOPT);
    }

    @Test
    void anOrphanPolicyOtherThanAdoptOrCancelIsAnErrorAtItsLine() throws IOException {
        Path file = write(STRATEGY + "engine:\n  orphans: ignore\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("run.yaml:6").hasMessageContaining("orphans")
                .hasMessageContaining("expected adopt or cancel, found 'ignore'");
    }

    @Test
    void aJournalThatIsAFileIsAnError() throws IOException {
        Files.writeString(dir.resolve("taken"), "x");
        Path file = write(STRATEGY + "engine: {journal: taken}\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("journal").hasMessageContaining("is a file");
    }
}
