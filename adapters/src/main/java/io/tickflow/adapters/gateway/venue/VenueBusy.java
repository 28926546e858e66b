package io.tickflow.adapters.gateway.venue;

/**
 * A call the venue thread did not finish within its deadline. {@link #started()} says which
 * way: false, the task was withdrawn before it ran (or never queued) and certainly did
 * nothing; true, it was already running, and whether it took effect is unknown to the caller.
 */
public final class VenueBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean started;

    VenueBusy(boolean started, String message) {
        super(message, null, false, false);
        this.started = started;
    }

    /** Whether the task had begun when its caller gave up on it (then its effect is unknown). */
    public boolean started() {
        return started;
    }
}
