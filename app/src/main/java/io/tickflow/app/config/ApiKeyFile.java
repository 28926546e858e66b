package io.tickflow.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import io.tickflow.adapters.projectx.Secret;

/**
 * Reads an API key from a file that only its owner may read (mode 600 or 400), the way ssh
 * treats a private key: a key file that group or others could read, or that belongs to
 * another user, is refused with the command that fixes it. The key is the file's content
 * without surrounding whitespace; it never appears in a message. Called once, at start-up.
 */
final class ApiKeyFile {
    private static final Set<PosixFilePermission> OTHERS_THAN_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private ApiKeyFile() {
    }

    /**
     * @param error makes the error for a problem, naming the setting (file, line, key)
     * @throws ConfigException if the file is missing, not a regular file, open to others, or empty
     */
    static Secret read(Path file, Function<String, ConfigException> error) {
        if (!Files.isRegularFile(file)) {
            throw error.apply("expected a file holding the API key; " + file + " is not one");
        }
        checkOwnerOnly(file, error);
        String key;
        try {
            key = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw error.apply(file + " cannot be read: " + e.getMessage());
        }
        if (key.isEmpty()) {
            throw error.apply(file + " is empty; expected the API key");
        }
        return Secret.of(key);
    }

    /**
     * Refuses a file holding a secret that group or others may read or change, or that
     * belongs to another user, with the command that fixes it.
     */
    static void checkOwnerOnly(Path file, Function<String, ConfigException> error) {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            try {
                Set<PosixFilePermission> mode = posix.readAttributes().permissions();
                Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
                open.addAll(mode);
                open.retainAll(OTHERS_THAN_OWNER);
                if (!open.isEmpty()) {
                    throw error.apply(file + " can be read or changed by others than its owner "
                            + "(mode " + PosixFilePermissions.toString(mode) + "); run: chmod 600 " + file);
                }
                String owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
                String me = System.getProperty("user.name");
                if (me != null && !owner.equals(me)) {
                    throw error.apply(file + " belongs to " + owner + ", not to " + me
                            + " who runs tickflow; a file holding the key must be the user's own");
                }
            } catch (IOException e) {
                throw error.apply("cannot check who may read " + file + ": " + e.getMessage());
            }
        }
    }
}
