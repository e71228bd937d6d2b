package org.quizroom.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Stores joining players' rows with group commit ({@link GroupCommit}). A class joins at once: fifty
 * joins in flight, each committing its own row, spent a third of the server's time in H2 commits
 * while the class waited (issue 15, profiled). Joins that arrive together now share one commit.
 */
@Component
public class PlayerWriter implements DisposableBean {

    private final GroupCommit<StoredPlayer> commits;

    public PlayerWriter(GameStore store) {
        this.commits = new GroupCommit<>("player", StoredPlayer::gamePin, store::insertPlayers);
    }

    /**
     * Stores {@code player} and returns once its row is committed, so a join is never announced
     * before crash recovery could restore it.
     *
     * @throws RuntimeException what storing threw (e.g. the game's lease moved to another node)
     */
    public void store(StoredPlayer player) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        commits.submit(player, failure -> {
            if (failure == null) {
                stored.complete(null);
            } else {
                stored.completeExceptionally(failure);
            }
        });
        try {
            stored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the player's row was being stored", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Lets queued rows reach the database before shutdown (waits up to 5 s). */
    @Override
    public void destroy() throws InterruptedException {
        commits.close(5000);
    }
}
