package io.tickflow.app.config;

/**
 * A configuration the engine cannot run: says where (file, line, key) and what was expected.
 * Never carries a secret's value.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String where, String key, String problem) {
        super(where + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
    }
}
