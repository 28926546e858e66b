package io.tickflow.engine.journal;

import java.nio.file.Path;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.ring.EventType;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.InboundPublisher;

/**
 * Publishes a journal's events into the inbound ring, in journal order, for the engine to
 * rebuild its state from on restart. Contract indexes are mapped from each session's
 * contracts to the engine's by contract id; events of a contract the engine no longer has,
 * and operator CONTROL events (an earlier session's halts and shutdown), are skipped.
 * Runs on the thread that starts the engine, before any live event is published.
 */
public final class JournalReplay {
    /**
     * What the replay published.
     *
     * @param replayed events published into the ring
     * @param skipped  events left out (a contract the engine no longer trades, or operator controls)
     * @param scan     what the pass over the journal found
     */
    public record Result(long replayed, long skipped, JournalReader.Scan scan) {
    }

    private JournalReplay() {
    }

    public static Result replay(Path dir, int lastSegment, ContractRegistry contracts, InboundPublisher publisher) {
        Copy copy = new Copy();
        long[] counts = new long[2];
        JournalReader.Scan scan = new JournalReader(dir, lastSegment).read(new JournalReader.Handler() {
            private int[] mapping = new int[0];

            @Override
            public void onSession(JournalSession session) {
                mapping = new int[session.contractIds().size()];
                for (int i = 0; i < mapping.length; i++) {
                    mapping[i] = contracts.indexOf(session.contractIds().get(i));
                }
            }

            @Override
            public void onEvent(InboundEvent e, JournalSession session) {
                int contract = e.contract;
                if (contract >= 0) {
                    contract = contract < mapping.length ? mapping[contract] : -1;
                }
                if (e.type == EventType.CONTROL || (e.contract >= 0 && contract < 0)) {
                    counts[1]++;
                    return;
                }
                publisher.publish(copy.of(e, contract));
                counts[0]++;
            }
        });
        return new Result(counts[0], counts[1], scan);
    }

    /** Copies a decoded event into a ring slot with the engine's contract index. */
    private static final class Copy implements EventTranslator<InboundEvent> {
        private InboundEvent source;
        private int contract;

        Copy of(InboundEvent e, int engineContract) {
            this.source = e;
            this.contract = engineContract;
            return this;
        }

        @Override
        public void translateTo(InboundEvent slot, long sequence) {
            slot.copyFrom(source);
            slot.contract = contract;
        }
    }
}
