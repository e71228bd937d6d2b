package org.quizroom.game;

import java.time.Instant;
import java.util.List;

/** What happened in a game as a result of a command; the live layer turns these into messages. */
public sealed interface GameEvent {

    /**
     * Players joined, left, reconnected or were kicked, or joining was locked or unlocked. It carries no roster:
     * one per join or connect, listing every player, cost a class of 5,000 some 50 million objects; the live
     * layer coalesces these and asks {@link Game#players()} when it sends.
     */
    record RosterChanged(int playerCount, boolean locked) implements GameEvent {
    }

    record QuestionOpened(QuestionView question, Instant deadline) implements GameEvent {
    }

    record AnswerCounted(int index, int answered, int connected) implements GameEvent {
    }

    record QuestionClosed(RevealView reveal, List<PlayerResult> results) implements GameEvent {
    }

    record LeaderboardShown(int index, int total, List<Standing> top) implements GameEvent {
    }

    record GameFinished(List<Standing> podium, List<PlayerFinal> finals) implements GameEvent {
    }

    record PlayerKicked(String playerId) implements GameEvent {
    }
}
