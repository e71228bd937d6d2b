package org.quizroom.live;

import java.util.concurrent.ScheduledFuture;
import org.quizroom.game.Game;
import org.quizroom.game.GameEvent;

/** A game plus what the live layer keeps beside it. */
final class LiveGame {
    final Game game;
    volatile boolean rosterDirty = true;
    /**
     * The next LOBBY goes to every phone, not only the host: set when joining was locked or unlocked or the
     * join link changed. Phones show neither the count nor the roster, so a join is news for the host alone;
     * broadcasting each coalesced count to a lobby filling with thousands made joining quadratic and left a
     * backlog in front of the first QUESTION.
     */
    volatile boolean lobbyForEveryone = true;
    boolean playersDirty = true;
    long playersSentAt;
    int playersSent;
    volatile GameEvent.AnswerCounted pendingCount;
    volatile GameEvent.AnswerCounted lastCount;
    ScheduledFuture<?> deadlineTask;
    /** Players ever joined, kicked ones included: the next join's place in the tie-break order. */
    int joined;

    LiveGame(Game game, int joined) {
        this.game = game;
        this.joined = joined;
    }
}
