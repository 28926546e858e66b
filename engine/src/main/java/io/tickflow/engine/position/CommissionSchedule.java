package io.tickflow.engine.position;

import java.util.Map;
import java.util.Objects;

/**
 * Commission and exchange fees per contract per side (each fill pays once per contract), in
 * cents, by contract id, with a default for contracts not listed. Immutable. The values are
 * the firm's and the broker's, so they are configuration: {@link #none()} charges nothing.
 */
public final class CommissionSchedule {
    private final long defaultCentsPerContract;
    private final Map<String, Long> centsPerContractById;

    /**
     * @param defaultCentsPerContract charged per contract per side where no specific rate applies
     * @param centsPerContractById    specific rates by contract id
     */
    public CommissionSchedule(long defaultCentsPerContract, Map<String, Long> centsPerContractById) {
        if (defaultCentsPerContract < 0) {
            throw new IllegalArgumentException("commission must not be negative, was " + defaultCentsPerContract);
        }
        this.defaultCentsPerContract = defaultCentsPerContract;
        this.centsPerContractById = Map.copyOf(Objects.requireNonNull(centsPerContractById, "centsPerContractById"));
        for (Map.Entry<String, Long> e : this.centsPerContractById.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("commission for " + e.getKey() + " must not be negative, was "
                        + e.getValue());
            }
        }
    }

    public static CommissionSchedule none() {
        return new CommissionSchedule(0, Map.of());
    }

    /** The commission of one fill of {@code size} contracts of {@code contractId}, in cents. */
    public long centsFor(String contractId, long size) {
        Long rate = centsPerContractById.get(contractId);
        return Math.multiplyExact(rate != null ? rate : defaultCentsPerContract, size);
    }
}
