package io.tickflow.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickflow.adapters.projectx.Secret;

/** The ProjectX API key from a file only its owner can read, named in the config or through PROJECTX_API_KEY_FILE. */
class ApiKeyFileTest {
    private static final String KEY = "file-key-2b7d41aa";

    @TempDir
    Path dir;

    private Path config(String keyLine) throws IOException {
        Path file = dir.resolve("live.yaml");
        Files.writeString(file, """
                gateway:
                  type: projectx
                  url: https://api.example.test
                  marketHub: https://rtc.example.test/hubs/market
                  userHub: https://rtc.example.test/hubs/user
                  username: trader
                """ + "  " + keyLine + "\n" + """
                accounts: [{id: 7}]
                strategies:
                  - name: sma
                    class: io.tickflow.strategies.SmaCrossover
                    contracts: [ES]
                """);
        return file;
    }

    private Path keyFile(String mode) throws IOException {
        Path key = dir.resolve("projectx.key");
        Files.writeString(key, KEY + "\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(mode));
        return key;
    }

    @Test
    void aKeyFileOnlyItsOwnerCanReadIsRead() throws IOException {
        keyFile("rw-------");
        TickflowConfig cfg = ConfigLoader.load(config("apiKeyFile: projectx.key"), Map.of());
        assertThat(cfg.gateway().apiKey()).isEqualTo(Secret.of(KEY));
        assertThat(cfg.gateway().toString()).doesNotContain(KEY);
    }

    @Test
    void theKeyFileCanComeFromTheEnvironment() throws IOException {
        Path key = keyFile("r--------");
        TickflowConfig cfg = ConfigLoader.load(config("apiKeyFile: ${PROJECTX_API_KEY_FILE}"),
                Map.of("PROJECTX_API_KEY_FILE", key.toString()));
        assertThat(cfg.gateway().apiKey()).isEqualTo(Secret.of(KEY));
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWithTheFixAndWithoutTheKey() throws IOException {
        Path key = keyFile("rw-r--r--");
        Path file = config("apiKeyFile: projectx.key");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":7: gateway.apiKeyFile")
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600 " + key)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw--w----"));
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).hasMessageContaining("chmod 600");
    }

    @Test
    void aMissingOrEmptyKeyFileAndAKeyGivenTwiceAreErrors() throws IOException {
        Path file = config("apiKeyFile: nowhere.key");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("gateway.apiKeyFile").hasMessageContaining("nowhere.key");
        Path empty = dir.resolve("empty.key");
        Files.writeString(empty, "  \n");
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> ConfigLoader.load(config("apiKeyFile: empty.key"), Map.of()))
                .hasMessageContaining("is empty");
        keyFile("rw-------");
        Path both = dir.resolve("both.yaml");
        Files.writeString(both, Files.readString(config("apiKeyFile: projectx.key"))
                .replace("  username: trader\n", "  username: trader\n  apiKey: " + KEY + "\n"));
        assertThatThrownBy(() -> ConfigLoader.load(both, Map.of())).hasMessageContaining("not both")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }

    @Test
    void aKeyWrittenInTheConfigurationIsTakenOnlyFromAConfigurationItsOwnerAloneCanRead() throws IOException {
        Path file = config("apiKey: " + KEY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("gateway.apiKey").hasMessageContaining("written in the configuration")
                .hasMessageContaining("chmod 600 " + file).hasMessageContaining("${PROJECTX_API_KEY}")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        Path defaulted = config("apiKey: ${PROJECTX_API_KEY:-" + KEY + "}");
        Files.setPosixFilePermissions(defaulted, PosixFilePermissions.fromString("rw-rw----"));
        assertThatThrownBy(() -> ConfigLoader.load(defaulted, Map.of()))
                .as("a default is written in the file too").hasMessageContaining("written in the configuration");

        assertThat(ConfigLoader.load(defaulted, Map.of("PROJECTX_API_KEY", "from-env")).gateway().apiKey())
                .as("from the environment, the file's mode does not matter").isEqualTo(Secret.of("from-env"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(ConfigLoader.load(file, Map.of()).gateway().apiKey()).isEqualTo(Secret.of(KEY));
    }
}
