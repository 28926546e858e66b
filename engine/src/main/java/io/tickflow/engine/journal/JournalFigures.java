package io.tickflow.engine.journal;

import java.nio.file.Path;

/**
 * What an engine's journal did in one session, for the operator and the crash drills.
 *
 * @param dir                the journal directory
 * @param segmentsFound      segment files of earlier sessions found at start
 * @param eventsFound        their event records
 * @param tornTails          torn last records (a process killed mid-write) skipped
 * @param sessionsFound      earlier sessions
 * @param replayed           events replayed through the engine
 * @param skipped            events not replayed (operator controls, contracts no longer traded)
 * @param suppressedCommands commands the replay kept from the gateway
 * @param replayMillis       how long reading, publishing and applying the replay took
 * @param journalled         events this session has journalled so far
 * @param segmentsWritten    segment files this session has written
 * @param failures           events this session could not journal (or force to the disk)
 * @param forces             times this session forced records to the disk (0 unless synced)
 * @param firstClientOrderId this session's first client order id (customTag)
 * @param orphansAdopted     earlier sessions' orders still working, adopted
 * @param orphansCancelled   earlier sessions' orders still working, cancelled
 */
public record JournalFigures(Path dir, int segmentsFound, long eventsFound, int tornTails, int sessionsFound,
                             long replayed, long skipped, long suppressedCommands, long replayMillis, long journalled,
                             int segmentsWritten, long failures, long forces, long firstClientOrderId, long orphansAdopted,
                             long orphansCancelled) {
}
