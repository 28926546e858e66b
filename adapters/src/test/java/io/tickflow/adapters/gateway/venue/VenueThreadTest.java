package io.tickflow.adapters.gateway.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The paper venue's single thread: closing it while a long task (a stall) holds it. */
class VenueThreadTest {
    @Test
    void closingWhileAStallHoldsTheThreadCutsTheStallShortAndRefusesNewWork() throws Exception {
        VenueThread venue = new VenueThread("venue-test");
        CountDownLatch stalling = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        venue.execute(() -> {
            stalling.countDown();
            try {
                Thread.sleep(60_000); // the stall-venue fault: the thread busy for a minute
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended.countDown();
        });
        assertThat(stalling.await(10, TimeUnit.SECONDS)).as("the stall began").isTrue();

        long started = System.nanoTime();
        venue.close();

        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the stall was cut short").isTrue();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("close did not wait out the minute")
                .isLessThan(10);
        assertThatThrownBy(() -> venue.execute(() -> { })).hasMessageContaining("closed");
    }
}
