package io.tickflow.adapters.gateway.hub;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tickflow.adapters.gateway.wire.Json;

/**
 * The server side of one SignalR connection over a WebSocket, JSON hub protocol: the
 * handshake, then invocations dispatched to the hub's {@link HubMethods} (completions
 * answered when the client asked for one), server events, pings, and the Close message.
 * Messages end with the record separator and may be split over frames or share one; a
 * message that breaks the protocol closes this connection — with a Close message saying
 * why — and nothing else. Writes are queued and sent one at a time, in order, from any
 * thread. Public only because Jetty calls its listener methods reflectively.
 */
public final class HubConnection implements Session.Listener.AutoDemanding, HubSession {
    private static final Logger LOG = LoggerFactory.getLogger(HubConnection.class);
    static final char RS = '\u001e';
    private static final int MAX_BUFFERED_CHARS = 1 << 20;
    private static final String PING = "{\"type\":6}" + RS;

    private final Hub hub;
    private final String id;
    private final String user;
    private final StringBuilder inbound = new StringBuilder();
    private final Queue<Object> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Map<String, String> methodsByLowerName;
    private volatile Session session;
    private volatile boolean handshaken;
    private volatile long lastSentNanos = System.nanoTime();
    private final long openedNanos = System.nanoTime();

    /** A queued Close: after the message is written, the socket closes. */
    private record CloseAfter(String text) {
    }

    HubConnection(Hub hub, String id, String user, Map<String, String> methodsByLowerName) {
        this.hub = hub;
        this.id = id;
        this.user = user;
        this.methodsByLowerName = methodsByLowerName;
    }

    // ---- HubSession ----

    @Override
    public String id() {
        return id;
    }

    @Override
    public String userName() {
        return user;
    }

    @Override
    public void send(String target, Object... arguments) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("type", 1);
        message.put("target", target);
        ArrayNode args = message.putArray("arguments");
        for (Object a : arguments) {
            args.add(Json.MAPPER.valueToTree(a));
        }
        write(message.toString() + RS);
    }

    @Override
    public void close(String error, boolean allowReconnect) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("type", 7);
        if (error != null) {
            message.put("error", error);
        }
        message.put("allowReconnect", allowReconnect);
        enqueue(new CloseAfter(message.toString() + RS));
    }

    @Override
    public void abort() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
    }

    @Override
    public boolean isOpen() {
        Session s = session;
        return s != null && s.isOpen() && !ended.get();
    }

    boolean handshaken() {
        return handshaken;
    }

    long openedNanos() {
        return openedNanos;
    }

    /** Pings if nothing was sent for {@code intervalNanos}. */
    void keepAlive(long now, long intervalNanos) {
        if (handshaken && now - lastSentNanos >= intervalNanos) {
            write(PING);
        }
    }

    // ---- writing, one frame at a time ----

    private void write(String text) {
        enqueue(text);
    }

    private void enqueue(Object item) {
        if (ended.get()) {
            return;
        }
        outbound.add(item);
        drain();
    }

    private void drain() {
        while (!outbound.isEmpty() && writing.compareAndSet(false, true)) {
            Object item = outbound.poll();
            if (item == null) {
                writing.set(false);
                continue;
            }
            Session s = session;
            if (s == null || !s.isOpen()) {
                outbound.clear();
                writing.set(false);
                return;
            }
            String text = item instanceof CloseAfter c ? c.text() : (String) item;
            lastSentNanos = System.nanoTime();
            s.sendText(text, new Callback() {
                @Override
                public void succeed() {
                    if (item instanceof CloseAfter) {
                        outbound.clear();
                        s.close(StatusCode.NORMAL, null, Callback.NOOP);
                    }
                    writing.set(false);
                    drain();
                }

                @Override
                public void fail(Throwable x) {
                    LOG.debug("hub connection {}: a write failed", id, x);
                    outbound.clear();
                    writing.set(false);
                    s.disconnect();
                }
            });
            return;
        }
    }

    // ---- reading ----

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
    }

    @Override
    public void onWebSocketText(String text) {
        inbound.append(text);
        int start = 0;
        for (int i = 0; i < inbound.length(); i++) {
            if (inbound.charAt(i) == RS) {
                String message = inbound.substring(start, i);
                start = i + 1;
                if (!onMessage(message)) {
                    inbound.setLength(0);
                    return;
                }
            }
        }
        inbound.delete(0, start);
        if (inbound.length() > MAX_BUFFERED_CHARS) {
            protocolError("a message longer than " + MAX_BUFFERED_CHARS + " characters without a record separator");
        }
    }

    /** The Microsoft Java client sends its JSON messages in binary frames: UTF-8 text all the same. */
    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(payload).toString();
        } catch (CharacterCodingException e) {
            callback.succeed();
            protocolError("a binary message that is not UTF-8 text");
            return;
        }
        callback.succeed();
        onWebSocketText(text);
    }

    /** Handles one complete message; false if the connection is ending. */
    private boolean onMessage(String text) {
        JsonNode message;
        try {
            message = Json.read(text);
        } catch (JsonProcessingException e) {
            return protocolError("the message is not valid JSON");
        }
        if (!message.isObject()) {
            return protocolError("a message must be a JSON object");
        }
        if (!handshaken) {
            return handshake(message);
        }
        JsonNode type = message.get("type");
        if (type == null || !type.isInt()) {
            return protocolError("a message needs an integer 'type'");
        }
        switch (type.intValue()) {
            case 1:
                return invocation(message);
            case 4:
                if (message.hasNonNull("invocationId")) {
                    complete(message.get("invocationId").asText(), null, "Streaming is not supported by this hub.");
                }
                return true;
            case 2:
            case 3:
            case 5:
            case 6:
                return true;
            case 7:
                Session s = session;
                if (s != null) {
                    s.close(StatusCode.NORMAL, null, Callback.NOOP);
                }
                return false;
            default:
                return protocolError("unknown message type " + type.intValue());
        }
    }

    private boolean handshake(JsonNode message) {
        JsonNode protocol = message.get("protocol");
        JsonNode version = message.get("version");
        if (protocol == null || !protocol.isTextual() || version == null || !version.isInt()) {
            return handshakeError("the handshake needs a 'protocol' string and a 'version' number");
        }
        if (!protocol.textValue().equals("json")) {
            return handshakeError("The protocol '" + protocol.textValue() + "' is not supported.");
        }
        if (version.intValue() != 1) {
            return handshakeError("The server does not support version " + version.intValue() + " of the 'json' "
                    + "protocol.");
        }
        handshaken = true;
        write("{}" + RS);
        hub.onHandshake(this);
        return true;
    }

    private boolean handshakeError(String error) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("error", error);
        enqueue(new CloseAfter(answer.toString() + RS));
        return false;
    }

    private boolean invocation(JsonNode message) {
        JsonNode target = message.get("target");
        JsonNode args = message.get("arguments");
        JsonNode invocationId = message.get("invocationId");
        if (target == null || !target.isTextual()) {
            return protocolError("an invocation needs a 'target' string");
        }
        if (args != null && !args.isArray()) {
            return protocolError("an invocation's 'arguments' must be an array");
        }
        if (invocationId != null && !invocationId.isNull() && !invocationId.isTextual()) {
            return protocolError("an 'invocationId' must be a string");
        }
        String callId = invocationId == null || invocationId.isNull() ? null : invocationId.textValue();
        String method = methodsByLowerName.get(target.textValue().toLowerCase(Locale.ROOT));
        if (method == null) {
            if (callId != null) {
                complete(callId, null, "Method does not exist.");
            }
            return true;
        }
        List<JsonNode> arguments = new ArrayList<>();
        if (args != null) {
            args.forEach(arguments::add);
        }
        try {
            Object result = hub.methods().invoke(this, method, arguments);
            if (callId != null) {
                complete(callId, result, null);
            }
        } catch (HubMethodException e) {
            if (callId != null) {
                complete(callId, null, e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("hub method {} failed for connection {}", method, id, e);
            if (callId != null) {
                complete(callId, null, "An unexpected error occurred invoking '" + method + "' on the server.");
            }
        }
        return true;
    }

    private void complete(String invocationId, Object result, String error) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("type", 3);
        message.put("invocationId", invocationId);
        if (error != null) {
            message.put("error", error);
        } else if (result != null) {
            message.set("result", Json.MAPPER.valueToTree(result));
        }
        write(message.toString() + RS);
    }

    /** Closes this connection with a Close message naming the problem; returns false. */
    private boolean protocolError(String problem) {
        LOG.warn("hub connection {} of {} broke the protocol: {}; closing it", id, user, problem);
        close("Connection closed with an error. " + problem, false);
        return false;
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("hub connection {} failed", id, cause);
        end();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        end();
        callback.succeed();
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            outbound.clear();
            hub.onEnded(this);
        }
    }
}
