package io.tickflow.adapters.gateway.venue;

/**
 * A paper trading account. Mutable, venue thread only.
 */
public final class PaperAccount {
    final long id;
    final String name;
    final String owner;
    long balanceCents;
    boolean canTrade = true;
    final boolean visible = true;

    /**
     * @param id           the account id the gateway reports
     * @param name         its display name
     * @param owner        the user name whose token may see and trade it
     * @param balanceCents the starting balance
     */
    public PaperAccount(long id, String name, String owner, long balanceCents) {
        this.id = id;
        this.name = name;
        this.owner = owner;
        this.balanceCents = balanceCents;
    }

    public long id() {
        return id;
    }

    public String owner() {
        return owner;
    }
}
