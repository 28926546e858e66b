package io.tickflow.engine.core;

import java.util.Arrays;

/**
 * Pending strategy timers ordered by deadline: a binary min-heap in primitive arrays, keyed by
 * (owner, timer id). Ties fire in scheduling order, so a run is deterministic. Engine thread
 * only. Scheduling and firing allocate nothing unless the heap must grow; cancelling scans
 * the heap (timers are few; cancels rare).
 */
final class TimerQueue {
    private long[] deadlines;
    private long[] sequences;
    private int[] owners;
    private long[] ids;
    private int size;
    private long nextSequence;

    TimerQueue(int initialCapacity) {
        deadlines = new long[initialCapacity];
        sequences = new long[initialCapacity];
        owners = new int[initialCapacity];
        ids = new long[initialCapacity];
    }

    int size() {
        return size;
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE} if none is pending. */
    long nextDeadline() {
        return size == 0 ? Long.MAX_VALUE : deadlines[0];
    }

    int peekOwner() {
        return owners[0];
    }

    long peekId() {
        return ids[0];
    }

    /** Schedules (owner, id) at {@code deadline}, replacing a pending timer with the same key. */
    void schedule(int owner, long id, long deadline) {
        cancel(owner, id);
        if (size == deadlines.length) {
            grow();
        }
        int i = size++;
        deadlines[i] = deadline;
        sequences[i] = nextSequence++;
        owners[i] = owner;
        ids[i] = id;
        siftUp(i);
    }

    /** @return true if a pending timer was removed */
    boolean cancel(int owner, long id) {
        for (int i = 0; i < size; i++) {
            if (owners[i] == owner && ids[i] == id) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    /** Removes every timer of {@code owner} (a halted or stopped strategy). */
    void cancelAll(int owner) {
        for (int i = size - 1; i >= 0; i--) {
            if (owners[i] == owner) {
                removeAt(i);
            }
        }
    }

    /** Removes the earliest timer. */
    void pop() {
        removeAt(0);
    }

    private void removeAt(int i) {
        int last = --size;
        if (i != last) {
            move(last, i);
            siftDown(i);
            siftUp(i);
        }
    }

    private boolean before(int a, int b) {
        return deadlines[a] < deadlines[b] || (deadlines[a] == deadlines[b] && sequences[a] < sequences[b]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left;
            int right = left + 1;
            if (right < size && before(right, left)) {
                smallest = right;
            }
            if (!before(smallest, i)) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void move(int from, int to) {
        deadlines[to] = deadlines[from];
        sequences[to] = sequences[from];
        owners[to] = owners[from];
        ids[to] = ids[from];
    }

    private void swap(int a, int b) {
        long d = deadlines[a];
        deadlines[a] = deadlines[b];
        deadlines[b] = d;
        long s = sequences[a];
        sequences[a] = sequences[b];
        sequences[b] = s;
        int o = owners[a];
        owners[a] = owners[b];
        owners[b] = o;
        long id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
    }

    private void grow() {
        int capacity = Math.max(8, deadlines.length * 2);
        deadlines = Arrays.copyOf(deadlines, capacity);
        sequences = Arrays.copyOf(sequences, capacity);
        owners = Arrays.copyOf(owners, capacity);
        ids = Arrays.copyOf(ids, capacity);
    }
}
