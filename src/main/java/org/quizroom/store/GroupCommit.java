package org.quizroom.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: rows handed in from many threads are written in batches by one writer thread, one
 * transaction per game and batch, so a burst of 2,000 rows becomes a few commits instead of 2,000
 * (each H2 or PostgreSQL commit costs far more than the rows in it). Every row's callback runs only
 * after its batch committed or failed, so whatever the caller announces from it is on disk.
 *
 * <p>The callbacks run on a second thread, in the order the rows were committed, so the writer starts the
 * next commit while the last batch's ACKs are still being sent: with the ACKs sent on the writer, a few hundred
 * trips through the broker came between one commit and the next, and answers queued meanwhile waited for both
 * (ACK p99 at 5,000 players fell by about a quarter, docs/benchmarks.md).
 *
 * <p>One transaction per game: in a cluster a game whose lease moved is refused on its own
 * ({@code LeaseFence}), without taking other games' rows down with it.
 *
 * @param <T> the row type, e.g. {@link StoredAnswer}
 */
final class GroupCommit<T> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 500;

    /** Called once per row, after its batch: {@code failure} is null when the row is stored. */
    interface Callback {
        void done(RuntimeException failure);
    }

    private record Pending<T>(T row, Callback callback) {
    }

    private final String what;
    private final Function<T, String> gameOf;
    private final Consumer<List<T>> writeOneGame;
    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** Runs callbacks one at a time, in commit order (a single thread: an ACK never overtakes the close). */
    private final ExecutorService announcer;
    private volatile boolean running = true;

    /**
     * @param what         plural noun for the log ("answers", "players") and the thread's name
     * @param gameOf       the PIN of a row's game
     * @param writeOneGame stores rows of one game in one transaction, or throws
     */
    GroupCommit(String what, Function<T, String> gameOf, Consumer<List<T>> writeOneGame) {
        this.what = what;
        this.gameOf = gameOf;
        this.writeOneGame = writeOneGame;
        this.announcer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, what + "-announcer");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::run, what + "-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void submit(T row, Callback callback) {
        queue.add(new Pending<>(row, callback));
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                Map<String, List<Pending<T>>> byGame = new LinkedHashMap<>();
                for (Pending<T> p : batch) {
                    byGame.computeIfAbsent(gameOf.apply(p.row()), k -> new ArrayList<>()).add(p);
                }
                byGame.values().forEach(this::writeGame);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void writeGame(List<Pending<T>> batch) {
        RuntimeException failure = null;
        try {
            writeOneGame.accept(batch.stream().map(Pending::row).toList());
        } catch (RuntimeException e) {
            log.error("Could not store {} {}", batch.size(), what, e);
            failure = e;
        }
        RuntimeException outcome = failure;
        Runnable announce = () -> {
            for (Pending<T> p : batch) {
                try {
                    p.callback().done(outcome);
                } catch (RuntimeException e) {
                    log.warn("Callback after storing {} failed", what, e);
                }
            }
        };
        try {
            announcer.execute(announce);
        } catch (RejectedExecutionException e) {
            announce.run(); // closing and the wait ran out: announce here rather than never
        }
    }

    /** Stops taking rows once the queue is empty; waits up to {@code waitMs} ms in all for the last batch and its callbacks. */
    void close(long waitMs) throws InterruptedException {
        running = false;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        thread.join(waitMs);
        announcer.shutdown(); // after the writer: its last batch's callbacks are already queued
        announcer.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
