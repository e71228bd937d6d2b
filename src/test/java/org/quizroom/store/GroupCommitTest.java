package org.quizroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit as joins and answers use it: rows that arrive while a commit is running share the
 * next one, each game gets its own transaction, and a failed game's rows are reported failed while
 * the other games' rows are stored.
 */
class GroupCommitTest {

    private record Row(String pin, int n) {
    }

    private final List<List<Row>> writes = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstWrite = new CountDownLatch(1);
    private final Map<Row, RuntimeException> outcomes = new ConcurrentHashMap<>();
    private final CountDownLatch done = new CountDownLatch(7);
    private GroupCommit<Row> commits;

    @AfterEach
    void close() throws InterruptedException {
        releaseFirstWrite.countDown();
        commits.close(5000);
    }

    private void submit(Row row) {
        commits.submit(row, failure -> {
            outcomes.put(row, failure == null ? new RuntimeException("stored") : failure);
            done.countDown();
        });
    }

    private GroupCommit<Row> writer(String failingPin) {
        return new GroupCommit<>("row", Row::pin, rows -> {
            writes.add(rows);
            if (writes.size() == 1) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            if (rows.get(0).pin().equals(failingPin)) {
                throw new IllegalStateException("lease moved");
            }
        });
    }

    @Test
    void rowsArrivingDuringACommitShareTheNextOneOneTransactionPerGame() throws InterruptedException {
        commits = writer("none");
        submit(new Row("111111", 0));
        await(firstWriteStarted); // the first commit is running: the next rows queue up behind it
        for (int i = 1; i <= 4; i++) {
            submit(new Row("111111", i));
        }
        submit(new Row("222222", 5));
        submit(new Row("222222", 6));
        releaseFirstWrite.countDown();

        assertThat(done.await(10, TimeUnit.SECONDS)).as("every row's callback ran").isTrue();
        assertThat(writes).as("one commit for the first row, then one per game for the six that waited")
                .containsExactly(
                        List.of(new Row("111111", 0)),
                        List.of(new Row("111111", 1), new Row("111111", 2), new Row("111111", 3), new Row("111111", 4)),
                        List.of(new Row("222222", 5), new Row("222222", 6)));
        assertThat(outcomes.values()).extracting(Throwable::getMessage).containsOnly("stored");
    }

    @Test
    void aGameWhoseWriteFailsIsReportedFailedAndTheOtherGameIsStored() throws InterruptedException {
        commits = writer("222222");
        submit(new Row("111111", 0));
        await(firstWriteStarted);
        for (int i = 1; i <= 4; i++) {
            submit(new Row("111111", i));
        }
        submit(new Row("222222", 5));
        submit(new Row("222222", 6));
        releaseFirstWrite.countDown();

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        outcomes.forEach((row, outcome) -> assertThat(outcome.getMessage()).as("outcome of %s", row)
                .isEqualTo(row.pin().equals("222222") ? "lease moved" : "stored"));
    }

    @Test
    void aSlowCallbackDoesNotHoldUpTheNextCommitAndCallbacksKeepCommitOrder() throws InterruptedException {
        CountDownLatch callbackStarted = new CountDownLatch(1);
        CountDownLatch releaseCallback = new CountDownLatch(1);
        CountDownLatch secondWritten = new CountDownLatch(1);
        CountDownLatch bothAnnounced = new CountDownLatch(2);
        List<Integer> announced = new CopyOnWriteArrayList<>();
        commits = new GroupCommit<>("row", Row::pin, rows -> {
            writes.add(rows);
            if (writes.size() == 2) {
                secondWritten.countDown();
            }
        });
        commits.submit(new Row("111111", 0), failure -> {
            callbackStarted.countDown();
            await(releaseCallback); // row 0's ACK is slow to send
            announced.add(0);
            bothAnnounced.countDown();
        });
        await(callbackStarted); // row 0 is committed and its callback is running
        commits.submit(new Row("111111", 1), failure -> {
            announced.add(1);
            bothAnnounced.countDown();
        });
        assertThat(secondWritten.await(10, TimeUnit.SECONDS))
                .as("row 1 committed while row 0's callback still runs").isTrue();
        assertThat(announced).as("row 1 not announced before row 0").isEmpty();
        releaseCallback.countDown();
        assertThat(bothAnnounced.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(announced).as("callbacks in commit order").containsExactly(0, 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
