package io.tickflow.adapters.gateway.hub;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A hub's HTTP side: {@code POST <path>/negotiate} and the WebSocket upgrade at {@code <path>},
 * both authenticated; any other path is left to the next handler.
 */
final class HubHandler extends Handler.Abstract {
    private static final String BEARER = "Bearer ";

    private final Hub hub;
    private final String path;
    private final String negotiatePath;
    private final HubAuthenticator auth;
    private final Negotiations negotiations;
    private final ObjectMapper json;
    private ServerWebSocketContainer container;

    HubHandler(Hub hub, String path, HubAuthenticator auth, Negotiations negotiations, ObjectMapper json) {
        this.hub = hub;
        this.path = path;
        this.negotiatePath = path + "/negotiate";
        this.auth = auth;
        this.negotiations = negotiations;
        this.json = json;
    }

    /** Finds or installs the server's WebSocket container when the handler joins a server. */
    @Override
    public void setServer(Server server) {
        super.setServer(server);
        if (server != null) {
            container = ServerWebSocketContainer.ensure(server);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String target = Request.getPathInContext(request);
        if (target.equals(negotiatePath)) {
            negotiate(request, response, callback);
            return true;
        }
        if (target.equals(path)) {
            if (!container.upgrade(this::accept, request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400,
                        "Expected a WebSocket upgrade");
            }
            return true;
        }
        return false;
    }

    private void negotiate(Request request, Response response, Callback callback) throws JsonProcessingException {
        if (!HttpMethod.POST.is(request.getMethod())) {
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return;
        }
        String user = userOf(request);
        if (user == null || hub.isClosed()) {
            int status = user == null ? HttpStatus.UNAUTHORIZED_401 : HttpStatus.SERVICE_UNAVAILABLE_503;
            Response.writeError(request, response, callback, status);
            return;
        }
        Negotiations.Negotiated negotiated = negotiations.negotiate(user);
        hub.expireLater(negotiated.connectionToken());
        ObjectNode body = json.createObjectNode();
        body.put("connectionId", negotiated.connectionId());
        body.put("connectionToken", negotiated.connectionToken());
        body.put("negotiateVersion", 1);
        ObjectNode webSockets = body.putArray("availableTransports").addObject();
        webSockets.put("transport", "WebSockets");
        webSockets.putArray("transferFormats").add("Text").add("Binary");
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Content.Sink.write(response, true, json.writeValueAsString(body), callback);
    }

    /** Creates the connection for an authenticated upgrade, or answers with an error status and creates none. */
    private Object accept(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        if (hub.isClosed()) {
            return refuse(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
        }
        String user = userOf(request);
        if (user == null) {
            return refuse(request, response, callback, HttpStatus.UNAUTHORIZED_401);
        }
        String token = Request.extractQueryParameters(request).getValue("id");
        if (token == null) {
            return new HubConnection(hub, hub.protocol(), Negotiations.newId(), user, null);
        }
        Negotiations.Negotiated negotiated = negotiations.find(token);
        if (negotiated == null) {
            return refuse(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
        if (!negotiated.userName().equals(user)) {
            return refuse(request, response, callback, HttpStatus.FORBIDDEN_403);
        }
        if (!negotiated.claim()) {
            return refuse(request, response, callback, HttpStatus.CONFLICT_409);
        }
        return new HubConnection(hub, hub.protocol(), negotiated.connectionId(), user, token);
    }

    private static Object refuse(Request request, Response response, Callback callback, int status) {
        Response.writeError(request, response, callback, status);
        return null;
    }

    /** The user of the request's token, from {@code ?access_token=} or an {@code Authorization: Bearer} header. */
    private String userOf(Request request) {
        String token = Request.extractQueryParameters(request).getValue("access_token");
        if (token == null) {
            String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                token = header.substring(BEARER.length()).trim();
            }
        }
        return token == null || token.isEmpty() ? null : auth.userOf(token);
    }
}
