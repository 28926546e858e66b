package io.tickflow.engine.core;

/** What the engine does with a strategy whose callback threw. Either way the fault is logged with the event. */
public enum FaultPolicy {
    /** Stop delivering events to the strategy; the others go on. The safe default. */
    HALT,
    /** Keep delivering events: for strategies that tolerate an occasional bad event. */
    CONTINUE
}
