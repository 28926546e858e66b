package io.tickflow.adapters.gateway.hub;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The SignalR JSON hub protocol, version 1: reads the handshake and client messages, writes
 * server messages, each terminated by the record separator. Property names are case-sensitive.
 */
final class HubProtocol {
    static final int INVOCATION = 1;
    static final int COMPLETION = 3;
    static final int STREAM_INVOCATION = 4;
    static final int PING = 6;
    static final int CLOSE = 7;

    private static final String PROTOCOL = "json";
    private static final int VERSION = 1;
    private static final String SEPARATOR = String.valueOf(RecordBuffer.RECORD_SEPARATOR);

    /** A client's call of a hub method; {@code invocationId} is null for a fire-and-forget call. */
    record Invocation(String invocationId, String target, List<JsonNode> arguments) {
    }

    private final ObjectMapper json;

    HubProtocol(ObjectMapper json) {
        this.json = json;
    }

    /** @return null if {@code record} is an acceptable handshake request, else the error to answer with */
    String handshakeError(String record) {
        JsonNode request;
        try {
            request = json.readTree(record);
        } catch (JsonProcessingException e) {
            return "Handshake request is invalid.";
        }
        if (request == null || !request.isObject() || !request.path("protocol").isTextual()
                || !request.path("version").isInt()) {
            return "Handshake request is invalid.";
        }
        String protocol = request.get("protocol").asText();
        if (!PROTOCOL.equals(protocol)) {
            return "The protocol '" + protocol + "' is not supported.";
        }
        int version = request.get("version").asInt();
        if (version != VERSION) {
            return "The server does not support version " + version + " of the '" + PROTOCOL + "' protocol.";
        }
        return null;
    }

    String handshakeResponse() {
        return "{}" + SEPARATOR;
    }

    String handshakeFailure(String error) {
        ObjectNode response = json.createObjectNode();
        response.put("error", error);
        return write(response);
    }

    /** Parses one record into a message whose {@code type} is a known message type, 1 to 7. */
    JsonNode parse(String record) throws InvalidMessageException {
        JsonNode message;
        try {
            message = json.readTree(record);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("Message is not valid JSON.", e);
        }
        if (message == null || !message.isObject()) {
            throw new InvalidMessageException("Message is not a JSON object.");
        }
        JsonNode type = message.get("type");
        if (type == null) {
            throw new InvalidMessageException("Missing required property 'type'.");
        }
        if (!type.isInt() || type.asInt() < INVOCATION || type.asInt() > CLOSE) {
            throw new InvalidMessageException("Unknown message type: " + type + ".");
        }
        return message;
    }

    static int type(JsonNode message) {
        return message.get("type").asInt();
    }

    /** Reads an Invocation or a StreamInvocation. */
    Invocation invocation(JsonNode message) throws InvalidMessageException {
        JsonNode target = message.get("target");
        if (target == null || !target.isTextual()) {
            throw new InvalidMessageException("Missing required property 'target'.");
        }
        JsonNode arguments = message.get("arguments");
        if (arguments == null || !arguments.isArray()) {
            throw new InvalidMessageException("Missing required property 'arguments'.");
        }
        JsonNode invocationId = message.get("invocationId");
        String id = null;
        if (invocationId != null && !invocationId.isNull()) {
            if (!invocationId.isTextual()) {
                throw new InvalidMessageException("Expected 'invocationId' to be of type String.");
            }
            id = invocationId.asText().isEmpty() ? null : invocationId.asText();
        }
        List<JsonNode> args = new ArrayList<>(arguments.size());
        arguments.forEach(args::add);
        return new Invocation(id, target.asText(), List.copyOf(args));
    }

    /** A server-to-client invocation: no invocationId, the client does not answer. */
    String invocation(String target, Object... arguments) {
        ObjectNode message = message(INVOCATION);
        message.put("target", target);
        ArrayNode args = message.putArray("arguments");
        for (Object argument : arguments) {
            args.add(json.valueToTree(argument));
        }
        return write(message);
    }

    /** A completion with {@code result}, or a void completion if it is null. */
    String completion(String invocationId, Object result) {
        ObjectNode message = message(COMPLETION);
        message.put("invocationId", invocationId);
        if (result != null) {
            message.set("result", json.valueToTree(result));
        }
        return write(message);
    }

    String completionError(String invocationId, String error) {
        ObjectNode message = message(COMPLETION);
        message.put("invocationId", invocationId);
        message.put("error", error);
        return write(message);
    }

    String ping() {
        return write(message(PING));
    }

    /** A Close message; {@code allowReconnect} is written only when true, as ASP.NET Core does. */
    String close(String error, boolean allowReconnect) {
        ObjectNode message = message(CLOSE);
        if (error != null) {
            message.put("error", error);
        }
        if (allowReconnect) {
            message.put("allowReconnect", true);
        }
        return write(message);
    }

    private ObjectNode message(int type) {
        ObjectNode message = json.createObjectNode();
        message.put("type", type);
        return message;
    }

    private String write(JsonNode message) {
        try {
            return json.writeValueAsString(message) + SEPARATOR;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize a hub message", e);
        }
    }
}
