package org.quizroom.live;

/**
 * Which games this server may run. One server runs every game it has (the default,
 * {@link #SINGLE_NODE}); in a cluster a server runs a game only while it holds the game's lease
 * in the shared database (org.quizroom.cluster.Leases).
 */
public interface GameOwnership {

    /** One server: every game is ours, and unfinished games are resumed at start-up. */
    GameOwnership SINGLE_NODE = new GameOwnership() {
    };

    /** True if games are shared between servers: then a game unknown here may be taken over. */
    default boolean clustered() {
        return false;
    }

    /** Called right after a new game's row is stored on this server: it becomes the game's owner. */
    default void claimNew(String pin) {
    }

    /**
     * Makes this server the owner of a game it does not run (after a node died, or when the proxy
     * now sends the game here); the caller restores the game from the database only after this
     * returns, or releases it if the game turns out to be finished. Must answer from memory while
     * another node is known to hold the game: a whole class retries at once.
     *
     * @return true if this server now holds the game; false if there is no unfinished game {@code pin}
     * @throws GameMovingException if another server still holds the game; the client should retry in a moment
     */
    default boolean takeOver(String pin) {
        throw new UnsupportedOperationException("single node");
    }

    /** Gives up a game this server could not restore after {@link #takeOver}. */
    default void release(String pin) {
    }
}
