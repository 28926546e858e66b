package io.tickflow.adapters.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fault injections written as text, for the command line ({@code --fault}) and for tests: each
 * spec is {@code <fault>[:<argument>…][@<after>]}, applied {@code after} the gateway starts
 * (at once without it).
 * The faults are listed in {@link #HELP}.
 * Durations: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}.
 */
public final class FaultScript implements AutoCloseable {
    public static final String HELP = """
            reject-orders:N          the next N placements are rejected
            http-429:DURATION        every REST call answers 429 for DURATION
            http-5xx:ENDPOINT:N      the next N calls of ENDPOINT (e.g. Order/place) answer 500
            lose-answer:ENDPOINT:N   the next N calls of ENDPOINT are carried out, then answered 500
            answer-code:ENDPOINT:CODE:N
                                     the next N calls of ENDPOINT are carried out, then answered
                                     success:false with errorCode CODE (e.g. Order/place:7:1)
            stall-venue:DURATION     the venue is busy for DURATION; a REST call it has not taken up
                                     within the venue timeout is not carried out and says so
            drop-hub:market|user|all hub sockets are dropped without a Close message
            refuse-subscribe:N       the next N hub Subscribe... calls are answered with an error
            ignore-subscribe:N       the next N hub Subscribe... calls are never answered
            drop-on-subscribe:N      the next N hub Subscribe... calls drop their socket
            delay-hub:DURATION       every hub event is sent DURATION late
            duplicate-hub:N          the next N hub events are sent twice
            reorder-hub:N            the next N hub events are held (1s at most), then sent reversed
            expire-tokens            every token issued so far expires
            token-lifetime:DURATION  tokens issued from then on live DURATION
            logout-elsewhere:USER    USER's sessions end as when the same user logs in elsewhere
            Add @DURATION to apply a fault that long after the start, e.g. drop-hub:user@30s.""";

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** One parsed fault: what it does and when. */
    public record Fault(String spec, Duration after, Consumer<PaperGateway> action) {
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paper-fault-script");
        t.setDaemon(true);
        return t;
    });

    /**
     * Parses one spec.
     *
     * @throws IllegalArgumentException saying what is wrong and what was expected
     */
    public static Fault parse(String spec) {
        String text = spec.trim();
        Duration after = Duration.ZERO;
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            after = duration(text.substring(at + 1), spec);
            text = text.substring(0, at);
        }
        String[] parts = text.split(":");
        String name = parts[0].toLowerCase(Locale.ROOT);
        Consumer<PaperGateway> action = switch (name) {
            case "reject-orders" -> {
                int n = count(parts, 1, spec);
                yield g -> g.rejectNextOrders(n);
            }
            case "http-429" -> {
                Duration d = duration(arg(parts, 1, spec), spec);
                yield g -> g.faults().tooManyRequestsFor(d);
            }
            case "http-5xx" -> {
                String endpoint = arg(parts, 1, spec);
                int n = count(parts, 2, spec);
                yield g -> g.faults().serverErrors(endpoint, n);
            }
            case "lose-answer" -> {
                String endpoint = arg(parts, 1, spec);
                int n = count(parts, 2, spec);
                yield g -> g.faults().loseAnswers(endpoint, n);
            }
            case "answer-code" -> {
                String endpoint = arg(parts, 1, spec);
                int code = count(parts, 2, spec);
                int n = count(parts, 3, spec);
                if (code == 0) {
                    throw new IllegalArgumentException("fault '" + spec + "': answer-code takes an error code above 0");
                }
                yield g -> g.faults().answerWithCode(endpoint, code, n);
            }
            case "stall-venue" -> {
                Duration d = duration(arg(parts, 1, spec), spec);
                yield g -> g.stallVenue(d);
            }
            case "drop-hub" -> {
                String hub = arg(parts, 1, spec).toLowerCase(Locale.ROOT);
                if (!List.of("market", "user", "all").contains(hub)) {
                    throw new IllegalArgumentException("fault '" + spec + "': drop-hub takes market, user or all");
                }
                yield g -> g.dropHubSockets(hub.equals("all") ? null : hub);
            }
            case "refuse-subscribe", "ignore-subscribe", "drop-on-subscribe" -> {
                int n = count(parts, 1, spec);
                GatewayFaults.SubscribeFault fault = name.startsWith("refuse") ? GatewayFaults.SubscribeFault.REFUSE
                        : name.startsWith("ignore") ? GatewayFaults.SubscribeFault.IGNORE
                        : GatewayFaults.SubscribeFault.DROP;
                yield g -> g.faults().subscribeFaults(fault, n);
            }
            case "delay-hub" -> {
                Duration d = duration(arg(parts, 1, spec), spec);
                yield g -> g.faults().delayHubEvents(d);
            }
            case "duplicate-hub" -> {
                int n = count(parts, 1, spec);
                yield g -> g.faults().duplicateHubEvents(n);
            }
            case "reorder-hub" -> {
                int n = count(parts, 1, spec);
                yield g -> g.faults().reorderHubEvents(n);
            }
            case "expire-tokens" -> PaperGateway::expireTokens;
            case "token-lifetime" -> {
                Duration d = duration(arg(parts, 1, spec), spec);
                yield g -> g.tokenLifetime(d);
            }
            case "logout-elsewhere" -> {
                String user = arg(parts, 1, spec);
                yield g -> g.logOutElsewhere(user);
            }
            default -> throw new IllegalArgumentException("unknown fault '" + spec + "'; expected one of:\n" + HELP);
        };
        return new Fault(spec, after, action);
    }

    private static String arg(String[] parts, int i, String spec) {
        if (parts.length <= i || parts[i].isBlank()) {
            throw new IllegalArgumentException("fault '" + spec + "' is missing its argument " + i + "; see:\n" + HELP);
        }
        return parts[i];
    }

    private static int count(String[] parts, int i, String spec) {
        String text = arg(parts, i, spec);
        try {
            int n = Integer.parseInt(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault '" + spec + "': expected a count of 0 or more, found '" + text
                    + "'");
        }
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}. */
    public static Duration duration(String text, String spec) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + spec + "': expected a duration like 500ms, 10s, 2m or 1h, found '"
                    + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** Applies each fault to {@code gateway} at its time (now, or after its delay). */
    public void schedule(PaperGateway gateway, List<Fault> faults) {
        for (Fault f : faults) {
            if (f.after().isZero()) {
                f.action().accept(gateway);
            } else {
                timer.schedule(() -> f.action().accept(gateway), f.after().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
