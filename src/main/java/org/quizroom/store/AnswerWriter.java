package org.quizroom.store;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Stores answers in batches on one writer thread ({@link GroupCommit}): a burst of 2,000 answers
 * becomes a few transactions instead of 2,000. Each answer's callback runs only after its batch
 * committed, so an ACK sent from it never announces an answer that is not on disk.
 */
@Component
public class AnswerWriter implements DisposableBean {

    /** Called after the answer's batch commits ({@code stored} true) or failed ({@code stored} false). */
    public interface Callback {
        void done(boolean stored);
    }

    private final GroupCommit<StoredAnswer> commits;

    public AnswerWriter(GameStore store) {
        this.commits = new GroupCommit<>("answer", StoredAnswer::gamePin, store::insertAnswers);
    }

    /** Queues {@code answer}; {@code callback} runs on the writer thread once it is stored or refused. */
    public void submit(StoredAnswer answer, Callback callback) {
        commits.submit(answer, failure -> callback.done(failure == null));
    }

    /** Lets queued answers reach the database before shutdown (waits up to 5 s). */
    @Override
    public void destroy() throws InterruptedException {
        commits.close(5000);
    }
}
