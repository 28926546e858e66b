package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.projectx.ProjectXRest;
import io.tickflow.adapters.projectx.Secret;
import io.tickflow.adapters.projectx.wire.ApiObjects;
import io.tickflow.adapters.projectx.wire.Json;
import io.tickflow.engine.journal.JournalReader;
import io.tickflow.engine.journal.JournalSession;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.EventType;
import io.tickflow.engine.ring.InboundEvent;

/**
 * The crash drill: {@code tickflow run} in a child process trades against a paper gateway in
 * this JVM until it holds a position with working orders, is killed with SIGKILL, and is
 * started again on the same journal. The restarted engine must rebuild its position from the
 * journal (the first reconciliation corrects nothing), cancel or adopt the orders the killed
 * run left working as configured, never use a customTag twice, and know every gateway fill
 * exactly once.
 */
class CrashRecoveryTest {
    private static final long ACCOUNT = 10_001;
    private static final String USER = "crash";
    private static final Pattern ORPHAN = Pattern.compile(
            "tickflow: reconciled: orphaned order (\\d+) \\(customTag (\\d+), placed before a restart\\): (\\w+)");
    private static final Pattern REBUILT = Pattern.compile("positions rebuilt: \\d+ ES ([+-]?\\d+)");
    private static final Pattern FIRST_ID = Pattern.compile("client order ids from (\\d+)");
    private static final Pattern REPLAYED = Pattern.compile("replayed ([\\d,]+) events of \\d+ earlier run\\(s\\) in "
            + "([\\d,]+) ms");

    @Test
    void aKilledRunRestartedOnItsJournalRebuildsItsStateAndCancelsWhatItLeftWorking(@TempDir Path dir)
            throws Exception {
        drill(dir, "cancel", true);
    }

    @Test
    void aKilledRunRestartedOnItsJournalCanAdoptWhatItLeftWorking(@TempDir Path dir) throws Exception {
        drill(dir, "adopt", false);
    }

    /** The children started by the drill running now: none outlives it, whatever fails. */
    private static final List<Process> CHILDREN = new CopyOnWriteArrayList<>();

    private static void drill(Path dir, String orphans, boolean tearTail) throws Exception {
        try {
            run(dir, orphans, tearTail);
        } finally {
            CHILDREN.forEach(Process::destroyForcibly);
            CHILDREN.clear();
            // the children's logs, for a failure's post-mortem (the temporary directory goes)
            Path keep = Files.createDirectories(Path.of("target", "crash-drill", orphans));
            for (String log : List.of("first.err", "second.err")) {
                if (Files.exists(dir.resolve(log))) {
                    Files.copy(dir.resolve(log), keep.resolve(log), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void run(Path dir, String orphans, boolean tearTail) throws Exception {
        String key = UUID.randomUUID().toString();
        Instant begin = Instant.now().minusSeconds(5);
        try (PaperGateway gateway = PaperGateway.builder().user(USER, key).accountIds(List.of(ACCOUNT))
                .generatedMarketData(7, 60).build().start();
             ProjectXRest rest = new ProjectXRest(gateway.url(), USER, Secret.of(key))) {
            // the first run trades on short bars, to hold a position with working orders soon; the second on
            // longer ones, so it is quiet while it reconciles (a fill racing the snapshot would be corrected, and
            // hide whether the replay rebuilt the position) and trades a little later
            Path config = config(dir, gateway, orphans, "first", 60);
            Path restart = config(dir, gateway, orphans, "second", 400);

            Child first = Child.start(dir, config, "first", key, null);
            await(Duration.ofSeconds(90), "a position and working orders at the gateway", () ->
                    !rest.openPositions(ACCOUNT).isEmpty() && !rest.openOrders(ACCOUNT).isEmpty());
            first.process.destroyForcibly();
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

            long netAfterKill = 0;
            for (ApiObjects.Position p : rest.openPositions(ACCOUNT)) {
                netAfterKill += p.type() == 1 ? p.size() : -p.size();
            }
            if (tearTail) {
                tearTheLastRecord(dir.resolve("journal"));
            }
            Set<Long> leftWorking = new HashSet<>();
            long lastTagOfFirstRun = 0;
            for (ApiObjects.Order o : rest.openOrders(ACCOUNT)) {
                leftWorking.add(o.id());
            }
            for (ApiObjects.Order o : rest.orders(ACCOUNT, begin)) {
                lastTagOfFirstRun = Math.max(lastTagOfFirstRun, Long.parseLong(o.customTag()));
            }

            Child second = Child.start(dir, restart, "second", key, dir.resolve("out"));
            second.await(Duration.ofSeconds(60), "the replay", l -> l.contains("tickflow: journal"));
            second.await(Duration.ofSeconds(60), "a status line", l -> l.contains(" pos "));
            await(Duration.ofSeconds(60), "the orphans handled", () -> handled(second, rest, leftWorking));
            long firstIdOfSecondRun = 0;
            for (String line : second.lines) {
                Matcher m = FIRST_ID.matcher(line);
                if (m.find()) {
                    firstIdOfSecondRun = Long.parseLong(m.group(1));
                }
            }
            assertThat(firstIdOfSecondRun).isGreaterThan(lastTagOfFirstRun);
            long secondRunIds = firstIdOfSecondRun;
            await(Duration.ofSeconds(90), "an order of the second run at the gateway", () -> rest.orders(ACCOUNT, begin)
                    .stream().anyMatch(o -> Long.parseLong(o.customTag()) >= secondRunIds));
            // SIGTERM: Ctrl-C's shutdown path, and never inherited as ignored (Process.destroy would close the output)
            new ProcessBuilder("kill", "-TERM", Long.toString(second.process.pid())).start().waitFor(10,
                    TimeUnit.SECONDS);
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).as("the second run stops; output: %s",
                    second.lines).isTrue();
            assertThat(second.process.exitValue()).as("%s", second.lines).isZero();
            assertThat(second.lines).as("the journal forced to the disk only in the drill that asks for it")
                    .filteredOn(l -> l.contains("forced to the disk")).hasSize(orphans.equals("adopt") ? 1 : 0);

            // state rebuilt: the first reconciliation after the restart found nothing to correct in positions
            assertThat(second.lines).as("position corrections after the restart; output: %s", second.lines)
                    .noneMatch(l -> l.startsWith("tickflow: reconciled: position"));
            // orphans: every order the killed run left working and that did not fill meanwhile, as configured
            Map<Long, String> orphanActions = new HashMap<>();
            for (String line : second.lines) {
                Matcher m = ORPHAN.matcher(line);
                if (m.find()) {
                    orphanActions.put(Long.parseLong(m.group(1)), m.group(3));
                    assertThat(Long.parseLong(m.group(2))).isLessThanOrEqualTo(lastTagOfFirstRun);
                }
            }
            Map<Long, ApiObjects.Order> all = new HashMap<>();
            rest.orders(ACCOUNT, begin).forEach(o -> all.put(o.id(), o));
            int filledWhileDown = 0;
            for (long id : leftWorking) {
                if (all.get(id).status() == 2 && !orphanActions.containsKey(id)) {
                    filledWhileDown++;
                    continue;
                }
                assertThat(orphanActions).as("order %d left working by the killed run", id)
                        .containsEntry(id, orphans.equals("cancel") ? "cancelled" : "adopted");
            }
            assertThat(orphanActions.keySet()).isSubsetOf(leftWorking);
            // what the second run's stand-down left working protects the position it kept (no --flatten): it is
            // the second run's own, and no fill of it can have happened unseen in the moment since it exited
            // no customTag used twice; the second run's all above the first run's
            List<String> tags = all.values().stream().map(ApiObjects.Order::customTag).toList();
            assertThat(tags).doesNotContainNull().doesNotHaveDuplicates();
            // every gateway fill known exactly once: in the journal, and in the position
            Set<Long> gatewayTrades = new HashSet<>();
            long gatewayNet = 0;
            for (ApiObjects.Trade t : rest.trades(ACCOUNT, begin)) {
                assertThat(gatewayTrades.add(t.id())).isTrue();
                gatewayNet += t.side() == Side.BUY.code() ? t.size() : -t.size();
            }
            Journal journal = Journal.read(dir.resolve("journal"));
            assertThat(journal.tradeIds).as("trade ids in the journal vs at the gateway; second run: %s", second.lines)
                    .isEqualTo(gatewayTrades);
            long positionNet = 0;
            for (ApiObjects.Position p : rest.openPositions(ACCOUNT)) {
                positionNet += p.type() == 1 ? p.size() : -p.size();
            }
            assertThat(positionNet).isEqualTo(gatewayNet);
            JsonNode summary = Json.read(Files.readString(dir.resolve("out").resolve("summary.json")));
            assertThat(summary.path("positions").get(0).path("net").asLong()).as("the engine's position")
                    .isEqualTo(positionNet);

            String rebuilt = "?";
            for (String line : second.lines) {
                Matcher m = REBUILT.matcher(line);
                if (m.find()) {
                    rebuilt = m.group(1);
                }
            }
            assertThat(rebuilt).as("the position the replay rebuilt, against the gateway's after the kill; output: %s",
                    second.lines).isNotEqualTo("?");
            assertThat(Long.parseLong(rebuilt)).isEqualTo(netAfterKill);
            long replayed = 0;
            long replayMillis = 0;
            for (String line : second.lines) {
                Matcher m = REPLAYED.matcher(line);
                if (m.find()) {
                    replayed = Long.parseLong(m.group(1).replace(",", ""));
                    replayMillis = Long.parseLong(m.group(2).replace(",", ""));
                }
            }
            assertThat(replayed).isEqualTo(journal.eventsBySession.get(0));
            assertThat(journal.tornTails).isEqualTo(tearTail ? 1 : 0);
            if (tearTail) {
                assertThat(second.lines).anyMatch(l -> l.contains("1 torn record(s) dropped"));
            }
            System.out.printf("crash drill (orphans: %s): first run journalled %,d events before SIGKILL (%d torn "
                            + "record(s) found on restart); second run replayed %,d in %,d ms (position rebuilt %s; at the gateway after the kill %+d) and journalled %,d; orders left working %d: %s %d, "
                            + "filled while down %d; gateway orders %d with %d distinct customTags (the second run's from %d); gateway fills %d, "
                            + "each known once; position %+d at the gateway and in the engine%n",
                    orphans, journal.eventsBySession.get(0), journal.tornTails, replayed, replayMillis, rebuilt,
                    netAfterKill,
                    journal.eventsBySession.get(1), leftWorking.size(), orphans.equals("cancel") ? "cancelled"
                            : "adopted", orphanActions.size(), filledWhileDown, all.size(), tags.size(), secondRunIds,
                    gatewayTrades.size(), positionNet);
        }
    }

    /**
     * Makes the killed run's journal end as a kill in the middle of a write would leave it: a
     * record after the last one, its length written but its payload only half.
     */
    private static void tearTheLastRecord(Path journal) throws IOException {
        Path segment;
        try (var files = Files.list(journal)) {
            segment = files.filter(p -> p.getFileName().toString().endsWith(".tfj")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(segment,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer word = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            long p = 64;
            while (true) {
                word.clear();
                int length = ch.read(word, p) == 4 ? word.getInt(0) : 0;
                if (length == 0) {
                    break;
                }
                p = (p + 8 + length + 7) & -8L;
            }
            java.nio.ByteBuffer torn = java.nio.ByteBuffer.allocate(8 + 40).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            torn.putInt(0, 80).putInt(4, 0x1234_5678);
            for (int i = 8; i < 48; i++) {
                torn.put(i, (byte) i);
            }
            ch.write(torn, p);
        }
    }

    /** Whether every order left working is either reported by the second run or filled. */
    private static boolean handled(Child second, ProjectXRest rest, Set<Long> leftWorking) {
        Set<Long> reported = new HashSet<>();
        for (String line : second.lines) {
            Matcher m = ORPHAN.matcher(line);
            if (m.find()) {
                reported.add(Long.parseLong(m.group(1)));
            }
        }
        for (long id : leftWorking) {
            if (!reported.contains(id)) {
                boolean filled = rest.orders(ACCOUNT, Instant.now().minus(Duration.ofHours(1))).stream()
                        .anyMatch(o -> o.id() == id && o.status() == 2);
                if (!filled) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Path config(Path dir, PaperGateway gateway, String orphans, String name, int barTicks)
            throws IOException {
        String url = gateway.url().toString();
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, String.join("\n",
                "gateway:",
                "  type: projectx",
                "  url: " + url,
                "  marketHub: " + url + "/hubs/market",
                "  userHub: " + url + "/hubs/user",
                "  username: ${PROJECTX_USERNAME}",
                "  apiKey: ${PROJECTX_API_KEY}",
                "accounts:",
                "  - id: " + ACCOUNT,
                "strategies:",
                "  - name: sma",
                "    class: io.tickflow.strategies.SmaCrossover",
                "    contracts: [ES]",
                "    params: {fast: 3, slow: 8, bars: " + barTicks + "t, size: 1, stopTicks: 60, targetTicks: 60}",
                "engine:",
                "  journal: journal",
                "  journalSync: " + orphans.equals("adopt"), // one drill with the records forced to the disk
                "  orphans: " + orphans,
                ""));
        return config;
    }

    private static void await(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.onSpinWait();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** A {@code tickflow run} child process whose output is collected line by line. */
    private static final class Child {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("(output ended: " + e + ")");
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path dir, Path config, String name, String key, Path out) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", "--config", config.toString()));
            if (out != null) {
                command.addAll(List.of("--out", out.toString()));
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve(name + ".err").toFile());
            pb.environment().put("PROJECTX_USERNAME", USER);
            pb.environment().put("PROJECTX_API_KEY", key);
            Process process = pb.start();
            CHILDREN.add(process);
            return new Child(process);
        }

        void await(Duration limit, String what, java.util.function.Predicate<String> line) {
            CrashRecoveryTest.await(limit, what + " (output so far: " + lines + ")",
                    () -> lines.stream().anyMatch(line) || !process.isAlive());
            assertThat(lines).as("%s; output: %s", what, lines).anyMatch(line);
        }
    }

    /** What the journal holds, read in this JVM once both runs are over. */
    private static final class Journal {
        final Set<Long> tradeIds = new HashSet<>();
        final List<Long> eventsBySession = new ArrayList<>();
        int tornTails;

        static Journal read(Path dir) {
            Journal j = new Journal();
            JournalReader.Scan scan = new JournalReader(dir).read(new JournalReader.Handler() {
                @Override
                public void onSession(JournalSession session) {
                    j.eventsBySession.add(0L);
                }

                @Override
                public void onEvent(InboundEvent e, JournalSession session) {
                    int last = j.eventsBySession.size() - 1;
                    j.eventsBySession.set(last, j.eventsBySession.get(last) + 1);
                    if (e.type == EventType.FILL && !e.voided) {
                        j.tradeIds.add(e.tradeId);
                    }
                }
            });
            j.tornTails = scan.tornTails();
            return j;
        }
    }
}
