package org.quizroom.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Stores answers in batches on one writer thread (group commit): a burst of 2,000 answers becomes
 * a few transactions instead of 2,000. Each answer's callback runs only after its batch committed,
 * so an ACK sent from it never announces an answer that is not on disk.
 */
@Component
public class AnswerWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnswerWriter.class);
    private static final int MAX_BATCH = 500;

    /** Called after the answer's batch commits ({@code stored} true) or failed ({@code stored} false). */
    public interface Callback {
        void done(boolean stored);
    }

    private record Pending(StoredAnswer answer, Callback callback) {
    }

    private final GameStore store;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public AnswerWriter(GameStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "answer-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public void submit(StoredAnswer answer, Callback callback) {
        queue.add(new Pending(answer, callback));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        // One transaction per game: in a cluster a game whose lease moved is refused on its own,
        // without taking the other games' answers down with it.
        Map<String, List<Pending>> byGame = new LinkedHashMap<>();
        for (Pending p : batch) {
            byGame.computeIfAbsent(p.answer().gamePin(), k -> new ArrayList<>()).add(p);
        }
        byGame.values().forEach(this::writeGame);
    }

    private void writeGame(List<Pending> batch) {
        boolean stored;
        try {
            store.insertAnswers(batch.stream().map(Pending::answer).toList());
            stored = true;
        } catch (RuntimeException e) {
            log.error("Could not store {} answers; they are not acknowledged", batch.size(), e);
            stored = false;
        }
        for (Pending p : batch) {
            try {
                p.callback().done(stored);
            } catch (RuntimeException e) {
                log.warn("Answer callback failed", e);
            }
        }
    }

    /** Lets queued answers reach the database before shutdown. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
