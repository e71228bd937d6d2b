package org.quizroom.store;

/**
 * Checked by {@link GameStore} inside the transaction of every write that belongs to a game
 * (player, state, answers, final ranks), before the write. On one server nothing is checked; in a
 * cluster the check is the game's lease (org.quizroom.cluster), so a node that lost a game can
 * no longer change it.
 */
@FunctionalInterface
public interface WriteFence {

    /** Nothing to check: the single-server default. */
    WriteFence NONE = pin -> {
    };

    /**
     * Returns normally if this server may write for game {@code pin} now; the check must take part in
     * the caller's transaction, so the answer still holds when the write commits.
     *
     * @throws RuntimeException (e.g. a lease-lost exception) to refuse; the whole write is rolled back
     */
    void check(String pin);
}
