package io.tickflow.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.tickflow.adapters.data.CsvMarketData;
import io.tickflow.adapters.gateway.FaultScript;
import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.gateway.rest.ExpiredTokenAnswer;
import io.tickflow.adapters.gateway.venue.OrderLimits;
import io.tickflow.adapters.gateway.venue.PaperContract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tickflow gateway}: the local ProjectX paper gateway, standalone, for any client in
 * any language. Prints {@code tickflow gateway listening on <url>} first, serves until
 * stopped (SIGTERM or Ctrl-C close it cleanly).
 */
@Command(name = "gateway", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Runs the local ProjectX paper gateway: REST under /api, SignalR hubs at /hubs/market and "
                + "/hubs/user.",
        footer = {"", "Faults (--fault, repeatable):", FaultScript.HELP, "",
                "Examples:",
                "  java -jar app/target/tickflow.jar gateway --port 0 --user demo --api-key my-key",
                "  java -jar app/target/tickflow.jar gateway --user demo --api-key k --speed 10 "
                        + "--fault drop-hub:user@30s --fault http-429:5s@1m",
                "  java -jar app/target/tickflow.jar gateway --user demo --api-key k --data es-l1.csv "
                        + "--data-contract ES",
                "  java -jar app/target/tickflow.jar gateway --user alice --api-key ka --user bob --api-key kb "
                        + "--max-order-size 50"})
public final class GatewayCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port; 0 lets the OS choose (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--user", required = true, description = "A user name clients sign in with. Repeatable: "
            + "the n-th --user signs in with the n-th --api-key, and each user has its own account.")
    List<String> users = new ArrayList<>();

    @Option(names = "--api-key", required = true, description = "The API key of the --user in the same place. "
            + "Repeatable.")
    List<String> apiKeys = new ArrayList<>();

    @Option(names = "--max-order-size", description = "The most contracts one order may have; more is rejected "
            + "as OrderRejected (default: ${DEFAULT-VALUE}).")
    int maxOrderSize = OrderLimits.DEFAULT.maxOrderSize();

    @Option(names = "--margin-rate", description = "The margin as a fraction of notional that the position an "
            + "order leaves must fit in the balance, else InsufficientFunds; 0 turns it off (default: "
            + "${DEFAULT-VALUE}).")
    BigDecimal marginRate = OrderLimits.DEFAULT.marginRate();

    @Option(names = "--data", description = "Market data: 'generated' (default) or a market-data CSV file.")
    String data = "generated";

    @Option(names = "--data-contract", description = "The contract (ES, MES, NQ, MNQ, CL, GC) a CSV file is for "
            + "(default: ${DEFAULT-VALUE}).")
    String dataContract = "ES";

    @Option(names = "--speed", description = "Playback speed: 1 real time, 10 ten times faster (default: "
            + "${DEFAULT-VALUE}).")
    double speed = 1;

    @Option(names = "--seed", description = "Seed of the generated markets (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--fault", description = "A fault to inject; see below. Repeatable.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--no-rate-limits", description = "Do not enforce the service's request limits.")
    boolean noRateLimits;

    @Option(names = "--position-brackets", description = "The accounts have \"Position Brackets\" on: placements "
            + "with stopLossBracket/takeProfitBracket are refused, as the service refuses them on such accounts.")
    boolean positionBrackets;

    @Option(names = "--expired-token-answer", description = "How Auth/validate answers a token past its lifetime "
            + "(the reference leaves it open): EXPIRED_TOKEN_CODE (HTTP 200, errorCode 3; the default) or "
            + "UNAUTHORIZED (HTTP 401, as every other endpoint).")
    ExpiredTokenAnswer expiredTokenAnswer = ExpiredTokenAnswer.EXPIRED_TOKEN_CODE;

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("--speed must be a positive number, was " + speed);
        }
        if (users.size() != apiKeys.size()) {
            throw new IllegalArgumentException("each --user needs its --api-key: " + users.size() + " --user, "
                    + apiKeys.size() + " --api-key");
        }
        OrderLimits limits = new OrderLimits(maxOrderSize, marginRate);
        List<FaultScript.Fault> parsed = new ArrayList<>();
        for (String f : faults) {
            parsed.add(FaultScript.parse(f));
        }
        List<PaperContract> contracts = PaperContract.defaults(LocalDate.now(ZoneOffset.UTC));
        PaperGateway.Builder builder = PaperGateway.builder().host(host).port(port).contracts(contracts)
                .rateLimits(!noRateLimits).orderLimits(limits).expiredTokenAnswer(expiredTokenAnswer)
                .positionBrackets(positionBrackets);
        for (int i = 0; i < users.size(); i++) {
            builder.user(users.get(i), apiKeys.get(i));
        }
        if (data.equals("generated")) {
            builder.generatedMarketData(seed, speed);
        } else {
            int index = -1;
            for (int i = 0; i < contracts.size(); i++) {
                if (contracts.get(i).contract().symbol().equalsIgnoreCase(dataContract)) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new IllegalArgumentException("--data-contract " + dataContract + " is not one of ES, MES, NQ, "
                        + "MNQ, CL, GC");
            }
            builder.replayedMarketData(List.of(CsvMarketData.detect(Path.of(data), contracts.get(index).contract(),
                    index)), speed);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (PaperGateway gateway = builder.build().start(); FaultScript script = new FaultScript()) {
            System.out.println("tickflow gateway listening on " + gateway.url());
            System.out.flush();
            script.schedule(gateway, parsed);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                gateway.close();
                stopped.countDown();
            }, "tickflow-gateway-stop"));
            stopped.await();
        }
        return 0;
    }
}
