package io.tickflow.engine.ring;

/** Which outbound command a {@link EventType#COMMAND_ACK} or {@link EventType#COMMAND_REJECT} answers. */
public enum CommandKind {
    PLACE,
    CANCEL,
    MODIFY,
    CLOSE_POSITION,
    PARTIAL_CLOSE_POSITION
}
