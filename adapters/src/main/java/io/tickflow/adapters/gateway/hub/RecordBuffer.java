package io.tickflow.adapters.gateway.hub;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits incoming text into SignalR records: each message ends with the record separator
 * {@code 0x1E}, a WebSocket message may carry several, and a record may arrive in pieces, so the
 * unterminated tail is kept until the rest arrives.
 */
final class RecordBuffer {
    static final char RECORD_SEPARATOR = '\u001e';

    private final StringBuilder pending = new StringBuilder();

    /** Appends {@code text} and returns the records it completes, without their separators. */
    List<String> append(String text) {
        List<String> records = new ArrayList<>();
        int start = 0;
        int end = text.indexOf(RECORD_SEPARATOR);
        while (end >= 0) {
            if (pending.length() > 0) {
                pending.append(text, start, end);
                records.add(pending.toString());
                pending.setLength(0);
            } else {
                records.add(text.substring(start, end));
            }
            start = end + 1;
            end = text.indexOf(RECORD_SEPARATOR, start);
        }
        pending.append(text, start, text.length());
        return records;
    }
}
