package io.tickflow.engine.journal;

import java.util.List;

/**
 * The first record an engine writes when it opens a journal: who it was and how to read
 * what follows. Contract indexes in the session's events are indexes into
 * {@code contractIds}; the client order ids it hands out start at {@code firstClientOrderId}.
 *
 * @param firstClientOrderId the first client order id (customTag) this session used
 * @param startedNanos       when it opened the journal, epoch nanos
 * @param pid                the process id, for the operator
 * @param contractIds        the engine's contracts, in index order
 */
public record JournalSession(long firstClientOrderId, long startedNanos, long pid, List<String> contractIds) {
    public JournalSession {
        contractIds = List.copyOf(contractIds);
    }
}
