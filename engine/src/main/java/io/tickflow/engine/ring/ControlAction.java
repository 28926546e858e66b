package io.tickflow.engine.ring;

/** Operator commands carried by {@link EventType#CONTROL} events. */
public enum ControlAction {
    /** Stop delivering events to one strategy (or all, with no target). */
    HALT,
    /** Deliver events to a halted strategy again. */
    RESUME,
    /** Halt every strategy and cancel every working order of every account (an operator standing the engine down). */
    CANCEL_ALL,
    /** As {@link #CANCEL_ALL}, then close every position at market. */
    FLATTEN_ALL,
    /** Stop every strategy; published before this event has been processed. Sent by {@code Engine.close()}. */
    SHUTDOWN,
    /**
     * The engine's own marker: the events that follow, up to {@link #REPLAY_END}, are the
     * journal being replayed on restart. They rebuild state; no strategy sees them and no
     * command reaches the gateway.
     */
    REPLAY_BEGIN,
    /** The end of a journal replay: live events follow. */
    REPLAY_END
}
