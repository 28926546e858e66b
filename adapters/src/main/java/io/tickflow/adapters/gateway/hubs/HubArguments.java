package io.tickflow.adapters.gateway.hubs;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.gateway.hub.HubMethodException;
import io.tickflow.adapters.gateway.venue.PaperVenue;

/** Checks a hub method's arguments, refusing bad ones with a completion error that says what was expected. */
final class HubArguments {
    private HubArguments() {
    }

    static void none(String method, List<JsonNode> arguments) throws HubMethodException {
        if (!arguments.isEmpty()) {
            throw new HubMethodException(method + " takes no arguments, got " + arguments.size());
        }
    }

    static String contractId(PaperVenue venue, String method, List<JsonNode> arguments) throws HubMethodException {
        if (arguments.size() != 1 || !arguments.get(0).isTextual()) {
            throw new HubMethodException(method + " takes one argument, a contract id string");
        }
        String id = arguments.get(0).textValue();
        if (venue.contract(id) == null) {
            throw new HubMethodException("Contract " + id + " not found");
        }
        return id;
    }

    static long accountId(String method, List<JsonNode> arguments) throws HubMethodException {
        if (arguments.size() != 1 || !arguments.get(0).isIntegralNumber() || !arguments.get(0).canConvertToInt()) {
            throw new HubMethodException(method + " takes one argument, an account id (a 32-bit integer)");
        }
        return arguments.get(0).longValue();
    }
}
