package io.tickflow.adapters.gateway.hub;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

import io.tickflow.adapters.testing.Await;

/**
 * A bare WebSocket client speaking the hub protocol by hand, to send what the SignalR client never
 * would: it records the server's messages (split at the record separator), the close, or the refusal.
 * Public for the paper gateway's own bad-input tests.
 */
public final class RawClient implements AutoCloseable {
    public static final String RS = "\u001e";

    /** The messages received, separators removed, in order. */
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final RecordBuffer buffer = new RecordBuffer();
    final CompletableFuture<Void> opened = new CompletableFuture<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final CompletableFuture<Integer> refused = new CompletableFuture<>();
    private final WebSocket socket;
    /** While held, the reader thread waits before taking the next frame: a client that stopped reading. */
    private volatile CountDownLatch stalled;

    public RawClient(OkHttpClient http, String url) {
        this(http, new Request.Builder().url(url).build());
    }

    RawClient(OkHttpClient http, Request request) {
        socket = http.newWebSocket(request, new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                opened.complete(null);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                CountDownLatch stall = stalled;
                if (stall != null) {
                    try {
                        stall.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                synchronized (buffer) {
                    messages.addAll(buffer.append(text));
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(code, null);
                closed.complete(code);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                refused.complete(response == null ? -1 : response.code());
                closed.complete(-1);
            }
        });
    }

    /** Opens a socket and completes the handshake. */
    public static RawClient connected(OkHttpClient http, String url) throws InterruptedException {
        RawClient client = new RawClient(http, url);
        client.send("{\"protocol\":\"json\",\"version\":1}" + RS);
        String reply = client.next();
        if (!reply.equals("{}")) {
            throw new AssertionError("Handshake refused: " + reply);
        }
        return client;
    }

    public void send(String text) {
        socket.send(text);
    }

    /** Sends {@code text} as a binary frame of UTF-8, as clients using the Binary transfer format do. */
    void sendBinary(String text) {
        socket.send(ByteString.encodeUtf8(text));
    }

    /** The next message from the server, failing if none arrives in time. */
    public String next() throws InterruptedException {
        String message = messages.poll(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("No message from the server");
        }
        return message;
    }

    /** The next message from the server that is not a Ping. */
    public String nextIgnoringPings() throws InterruptedException {
        String message = next();
        while (message.equals("{\"type\":6}")) {
            message = next();
        }
        return message;
    }

    /** Stops reading from the socket (the next frame waits on the reader thread) until {@link #close}. */
    void stopReading() {
        stalled = new CountDownLatch(1);
    }

    public boolean hasNoMessage() {
        return messages.isEmpty();
    }

    public int awaitClose() throws Exception {
        return closed.get(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int awaitRefusal() throws Exception {
        return refused.get(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        CountDownLatch stall = stalled;
        if (stall != null) {
            stall.countDown();
        }
        socket.cancel();
    }
}
