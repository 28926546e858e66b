package io.tickflow.adapters.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/** Copies everything written to a stream (standard error, where the logger writes) while passing it on. */
public final class Tee extends OutputStream {
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final PrintStream original;

    public Tee(PrintStream original) {
        this.original = original;
    }

    @Override
    public synchronized void write(int b) {
        copy.write(b);
        original.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        copy.write(b, off, len);
        original.write(b, off, len);
    }

    /** What was written so far, as UTF-8 text. */
    public synchronized String text() {
        return copy.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
