package io.tickflow.engine.journal;

/**
 * A journal that cannot be read as written: a bad header, an unknown format, or a record
 * that fails its checksum with more data after it (not a torn tail). The message names the
 * file and byte offset.
 */
public final class JournalCorruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalCorruptedException(String message) {
        super(message);
    }
}
