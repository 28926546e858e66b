package io.tickflow.adapters.gateway.hub;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One WebSocket connection to a {@link Hub}: reads the handshake and then the client's messages
 * on Jetty's thread, one at a time, and writes through an outbox so that sends from any thread
 * keep their order, never wait for the network and never interleave (whatever has queued up while
 * a write is in flight goes out as the next frame, cut at a record boundary).
 *
 * <p>The outbox is bounded: a client that stops reading (its socket's buffers full) while the
 * server keeps sending would otherwise hold an ever-growing backlog, the whole of it delivered
 * later as a burst of stale events. Once {@link #MAX_PENDING_CHARS} are waiting the connection is
 * dropped, with a warning: the client reconnects and resynchronizes, as after any lost socket.
 *
 * <p>Public only because Jetty binds a listener's methods through a public lookup; it is made by
 * {@link Hub} alone and seen by hub code as a {@link HubSession}.
 */
public final class HubConnection implements HubSession, Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(HubConnection.class);

    /** HANDSHAKING until the handshake is accepted, CLOSING once a close is under way, ENDED once it is gone. */
    private enum State { HANDSHAKING, CONNECTED, CLOSING, ENDED }

    /** Characters waiting to be sent beyond which the client is taken to have stopped reading. */
    static final int MAX_PENDING_CHARS = 8 << 20;
    /** The most a frame carries when a backlog goes out (whole records; a larger single record goes alone). */
    static final int MAX_FRAME_CHARS = 64 << 10;
    private static final String SEPARATOR = String.valueOf(RecordBuffer.RECORD_SEPARATOR);

    private final Hub hub;
    private final HubProtocol protocol;
    private final String id;
    private final String userName;
    private final String connectionToken;
    private final RecordBuffer input = new RecordBuffer();
    private final AtomicReference<State> state = new AtomicReference<>(State.HANDSHAKING);
    private volatile boolean handshaken;
    private volatile Session session;

    private final Object outboxLock = new Object();
    private final StringBuilder outbox = new StringBuilder();
    private boolean writing;
    private boolean closeQueued;
    private volatile long lastSentNanos = System.nanoTime();

    /** @param connectionToken the negotiated token this socket claimed, or null for a skip-negotiation client */
    HubConnection(Hub hub, HubProtocol protocol, String id, String userName, String connectionToken) {
        this.hub = hub;
        this.protocol = protocol;
        this.id = id;
        this.userName = userName;
        this.connectionToken = connectionToken;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String userName() {
        return userName;
    }

    String connectionToken() {
        return connectionToken;
    }

    @Override
    public void send(String target, Object... arguments) {
        if (state.get() == State.CONNECTED) {
            enqueue(protocol.invocation(target, arguments), false);
        }
    }

    @Override
    public void close(String error, boolean allowReconnect) {
        if (state.compareAndSet(State.CONNECTED, State.CLOSING)) {
            enqueue(protocol.close(error, allowReconnect), true);
        } else if (state.compareAndSet(State.HANDSHAKING, State.CLOSING)) {
            closeSocket();
        }
    }

    @Override
    public void abort() {
        state.compareAndSet(State.HANDSHAKING, State.CLOSING);
        state.compareAndSet(State.CONNECTED, State.CLOSING);
        Session socket = session;
        if (socket != null) {
            socket.disconnect();
        }
        end();
    }

    @Override
    public boolean isOpen() {
        return state.get() == State.CONNECTED;
    }

    /** Characters waiting in the outbox. */
    int unsentChars() {
        synchronized (outboxLock) {
            return outbox.length();
        }
    }

    /** Closes the socket if the client has not completed its handshake by now. */
    void handshakeTimedOut() {
        if (state.compareAndSet(State.HANDSHAKING, State.CLOSING)) {
            LOG.debug("Connection {} sent no handshake in time", id);
            closeSocket();
        }
    }

    /** Sends a Ping if nothing has been sent for {@code intervalNanos}. */
    void keepAlive(long nowNanos, long intervalNanos) {
        if (state.get() == State.CONNECTED && nowNanos - lastSentNanos >= intervalNanos) {
            enqueue(protocol.ping(), false);
        }
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
        hub.opened(this);
    }

    @Override
    public void onWebSocketText(String text) {
        receive(text);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        receive(StandardCharsets.UTF_8.decode(payload).toString());
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        end();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("Connection {} failed", id, cause);
        end();
    }

    private void receive(String text) {
        for (String record : input.append(text)) {
            State now = state.get();
            if (now == State.HANDSHAKING) {
                handshake(record);
            } else if (now == State.CONNECTED) {
                dispatch(record);
            } else {
                return;
            }
        }
    }

    private void handshake(String record) {
        String error = protocol.handshakeError(record);
        if (error != null) {
            if (state.compareAndSet(State.HANDSHAKING, State.CLOSING)) {
                LOG.debug("Connection {} refused: {}", id, error);
                enqueue(protocol.handshakeFailure(error), true);
            }
        } else if (state.compareAndSet(State.HANDSHAKING, State.CONNECTED)) {
            handshaken = true;
            // a session before its handshake answer: a client told it is connected is one the gateway
            // already lists (a logout elsewhere right after must reach it)
            hub.joined(this);
            enqueue(protocol.handshakeResponse(), false);
            hub.connected(this);
        }
    }

    private void dispatch(String record) {
        try {
            JsonNode message = protocol.parse(record);
            switch (HubProtocol.type(message)) {
                case HubProtocol.INVOCATION -> invoke(protocol.invocation(message));
                case HubProtocol.STREAM_INVOCATION -> refuseStream(protocol.invocation(message));
                case HubProtocol.CLOSE -> clientClosed();
                default -> LOG.trace("Connection {} ignores message type {}", id, HubProtocol.type(message));
            }
        } catch (InvalidMessageException e) {
            LOG.debug("Connection {} sent an invalid message", id, e);
            close("Connection closed with an error. InvalidDataException: " + e.getMessage(), false);
        }
    }

    private void invoke(HubProtocol.Invocation invocation) {
        String invocationId = invocation.invocationId();
        String method = hub.methodNamed(invocation.target());
        if (method == null) {
            LOG.debug("Connection {} invoked the unknown method '{}'", id, invocation.target());
            fail(invocationId, "Method does not exist.");
            return;
        }
        try {
            Object result = hub.methods().invoke(this, method, invocation.arguments());
            if (invocationId != null && result != HubMethods.NO_COMPLETION) {
                enqueue(protocol.completion(invocationId, result), false);
            }
        } catch (HubMethodException e) {
            fail(invocationId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Hub method '{}' failed on connection {}", method, id, e);
            fail(invocationId, "An unexpected error occurred invoking '" + method + "' on the server.");
        }
    }

    private void refuseStream(HubProtocol.Invocation invocation) {
        String method = hub.methodNamed(invocation.target());
        String error = method == null ? "Method does not exist."
                : "The client attempted to invoke the non-streaming '" + method
                        + "' method with a streaming invocation.";
        fail(invocation.invocationId(), error);
    }

    /** Answers with a Completion carrying {@code error}, or not at all for a fire-and-forget invocation. */
    private void fail(String invocationId, String error) {
        if (invocationId != null) {
            enqueue(protocol.completionError(invocationId, error), false);
        }
    }

    private void clientClosed() {
        if (state.compareAndSet(State.CONNECTED, State.CLOSING)) {
            LOG.debug("Connection {} closed by the client", id);
            closeSocket();
        }
    }

    private void enqueue(String text, boolean closeAfter) {
        int unsent;
        synchronized (outboxLock) {
            if (closeQueued) {
                return;
            }
            unsent = outbox.length();
            if (unsent + text.length() <= MAX_PENDING_CHARS) {
                outbox.append(text);
                closeQueued = closeAfter;
                lastSentNanos = System.nanoTime();
                if (writing) {
                    return;
                }
                writing = true;
                unsent = -1;
            } else {
                closeQueued = true;
                outbox.setLength(0);
            }
        }
        if (unsent >= 0) {
            LOG.warn("Connection {} of {} stopped reading with {} characters unsent; dropping it", id, userName,
                    unsent);
            abort();
            return;
        }
        flush();
    }

    private void flush() {
        String batch;
        boolean closeAfter;
        synchronized (outboxLock) {
            if (outbox.length() == 0) {
                writing = false;
                return;
            }
            int end = frameEnd();
            batch = outbox.substring(0, end);
            outbox.delete(0, end);
            closeAfter = closeQueued && outbox.length() == 0;
        }
        Runnable next = closeAfter ? this::closeSocket : this::flush;
        session.sendText(batch, Callback.from(next, this::writeFailed));
    }

    /** Where the next frame ends: the whole outbox if small, else after the last record that fits. */
    private int frameEnd() {
        if (outbox.length() <= MAX_FRAME_CHARS) {
            return outbox.length();
        }
        int lastSeparator = outbox.lastIndexOf(SEPARATOR, MAX_FRAME_CHARS - 1);
        if (lastSeparator >= 0) {
            return lastSeparator + 1;
        }
        int first = outbox.indexOf(SEPARATOR);
        return first < 0 ? outbox.length() : first + 1;
    }

    private void writeFailed(Throwable cause) {
        LOG.debug("Connection {} could not be written to", id, cause);
        abort();
    }

    private void closeSocket() {
        session.close(StatusCode.NORMAL, null, Callback.NOOP);
    }

    private void end() {
        if (state.getAndSet(State.ENDED) != State.ENDED) {
            synchronized (outboxLock) {
                closeQueued = true;
                outbox.setLength(0);
            }
            hub.ended(this, handshaken);
        }
    }
}
