package io.tickflow.engine.ring;

/** Operator commands carried by {@link EventType#CONTROL} events. */
public enum ControlAction {
    /** Stop delivering events to one strategy (or all, with no target). */
    HALT,
    /** Deliver events to a halted strategy again. */
    RESUME,
    /** Stop every strategy; published before this event has been processed. Sent by {@code Engine.close()}. */
    SHUTDOWN
}
