package io.tickflow.engine.testing;

import io.tickflow.engine.model.Contract;

/** Contracts with the real ProjectX ids and tick specifications, for tests. */
public final class TestContracts {
    public static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");
    public static final Contract NQ = Contract.of("CON.F.US.ENQ.Z25", "NQZ5", "0.25", "5.00", "USD");
    public static final Contract GC = Contract.of("CON.F.US.GCE.G26", "GCG6", "0.10", "10.00", "USD");

    private TestContracts() {
    }
}
