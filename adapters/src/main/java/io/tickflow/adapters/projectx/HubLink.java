package io.tickflow.adapters.projectx;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import com.microsoft.signalr.HubConnectionState;
import com.microsoft.signalr.TransportEnum;

import io.reactivex.rxjava3.core.Single;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;

/**
 * One hub connection kept alive: the Microsoft SignalR Java client over WebSockets with
 * skip-negotiation and a token factory that renews the session token when due. The Java
 * client does not reconnect by itself, so this does: when the connection drops it tells the
 * engine (LOST), rebuilds the connection with capped, jittered backoff, subscribes again
 * (servers forget subscriptions), tells the engine (RECONNECTED) and runs the hub's
 * after-connect work (the user hub's reconciliation). A close or a failed connect whose
 * session check then fails (the same user signed in elsewhere) is final: the REST client
 * hears the session ended, the adapter stops both links and reports LOGGED_OUT; no reconnect.
 */
final class HubLink {
    private static final Logger LOG = LoggerFactory.getLogger(HubLink.class);

    /** What a hub does on each (re)connection, in order. */
    interface Setup {
        /** Registers the event handlers on a new connection (before it starts). */
        void handlers(HubConnection connection);

        /** Subscribes on a started connection. */
        void subscribe(HubConnection connection);

        /** After subscribing and announcing the connection: e.g. the reconciliation snapshot. */
        default void afterConnect(boolean reconnect) {
        }
    }

    private final ConnectionLink link;
    private final URI url;
    private final ProjectXRest rest;
    private final RingWriter ring;
    private final Setup setup;
    private final ScheduledExecutorService scheduler;
    private final Duration base;
    private final Duration cap;
    private volatile HubConnection connection;
    private volatile boolean stopped;
    private volatile boolean everConnected;
    private int failures;
    private final Object afterConnectLock = new Object();

    HubLink(ConnectionLink link, URI url, ProjectXRest rest, RingWriter ring, Setup setup,
            ScheduledExecutorService scheduler, Duration base, Duration cap) {
        this.link = link;
        this.url = url;
        this.rest = rest;
        this.ring = ring;
        this.setup = setup;
        this.scheduler = scheduler;
        this.base = base;
        this.cap = cap;
    }

    /** Connects now, on the calling thread; on failure keeps retrying in the background. */
    void start() {
        connect();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        HubConnection c = HubConnectionBuilder.create(url.toString())
                .withTransport(TransportEnum.WEBSOCKETS)
                .shouldSkipNegotiate(true)
                .withAccessTokenProvider(Single.defer(() -> Single.just(rest.token())))
                .build();
        setup.handlers(c);
        c.onClosed(this::onClosed);
        try {
            c.start().blockingAwait(30, TimeUnit.SECONDS);
            setup.subscribe(c);
        } catch (RuntimeException e) {
            LOG.warn("{} could not connect to {}: {}", link, url, e.getMessage());
            c.stop();
            // a refused upgrade after an eviction looks like any failure: ask the service before retrying
            if (sessionEndedCause(e) != null || !rest.sessionAlive()) {
                loggedOut(sessionEndedCause(e) != null ? sessionEndedCause(e).getMessage() : e.getMessage());
                return;
            }
            scheduleReconnect();
            return;
        }
        connection = c;
        boolean reconnect = everConnected;
        everConnected = true;
        synchronized (this) {
            failures = 0;
        }
        // one announcement-and-snapshot at a time: a drop during a slow snapshot reconnects on another
        // thread, and its RECONNECTED must not start a new reconciliation inside the one still delivering
        synchronized (afterConnectLock) {
            ring.connection(link, reconnect ? ConnectionState.RECONNECTED : ConnectionState.CONNECTED,
                    url.toString());
            try {
                setup.afterConnect(reconnect);
            } catch (RuntimeException e) {
                LOG.warn("{}: work after connecting failed ({}); reconnecting", link, e.getMessage());
                c.stop();
            }
        }
    }

    /**
     * Reconciles again while connected (a placement whose answer was lost is not at the
     * service): announced as RECONNECTED, then the snapshot, as after a reconnect, one at a time
     * with those. Nothing if the link is down; its reconnect reconciles anyway.
     */
    void resynchronize(String why) {
        HubConnection c = connection;
        if (stopped || c == null || c.getConnectionState() != HubConnectionState.CONNECTED) {
            return;
        }
        synchronized (afterConnectLock) {
            LOG.info("{}: reconciling again ({})", link, why);
            ring.connection(link, ConnectionState.RECONNECTED, why);
            try {
                setup.afterConnect(true);
            } catch (RuntimeException e) {
                LOG.warn("{}: reconciling again failed ({}); the next reconnect reconciles", link, e.getMessage());
            }
        }
    }

    private void onClosed(Exception cause) {
        if (stopped) {
            return;
        }
        String why = cause == null ? "closed by the server" : cause.getMessage();
        LOG.warn("{} lost: {}", link, why);
        ring.connection(link, ConnectionState.LOST, why);
        if (cause != null && !rest.sessionAlive()) {
            loggedOut(why);
            return;
        }
        scheduleReconnect();
    }

    /** Final: the session is over; the REST client hears it and tells the adapter, which stops both links. */
    private void loggedOut(String why) {
        stopped = true;
        rest.sessionEnded(why);
    }

    private static ProjectXException.SessionEnded sessionEndedCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProjectXException.SessionEnded ended) {
                return ended;
            }
        }
        return null;
    }

    private void scheduleReconnect() {
        if (stopped) {
            return;
        }
        long delay;
        synchronized (this) {
            failures++;
            long exp = Math.min(cap.toMillis(), base.toMillis() << Math.min(failures - 1, 16));
            delay = (long) (exp * (0.5 + ThreadLocalRandom.current().nextDouble() / 2));
        }
        LOG.info("{}: reconnecting in {} ms", link, delay);
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("{}: not reconnecting, the adapter is closing", link);
        }
    }

    /** Ends the link without a LOGGED_OUT: the engine is shutting down. */
    void stop() {
        stopped = true;
        HubConnection c = connection;
        if (c != null) {
            try {
                c.stop().blockingAwait(5, TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                LOG.debug("{}: the connection ended with an error while stopping", link, e);
            }
        }
    }

    /** The link ended for good because the session ended elsewhere (no reconnect). */
    void stopQuietly() {
        stopped = true;
        HubConnection c = connection;
        if (c != null) {
            c.stop();
        }
    }
}
