package org.quizroom.game;

import java.util.ArrayList;
import java.util.List;

/**
 * The points, streaks and answer times of the open question, held apart from the players' standing
 * until the question closes.
 *
 * <p>Why: if an answer moved a player's score at once, a student could answer with a spare
 * nickname, read that nickname's score or rank (a reload shows it), and learn which choice is
 * right before answering with their real one; everyone else's rank would also move mid-question.
 * So nothing anyone can see (score, rank, streak, leaderboard, roster) changes before the close
 * (issue 9, "answer oracle"). Only {@link Game} uses it, under its lock.
 */
final class PendingPoints {

    private record Held(Player player, AcceptedAnswer answer, boolean scored, int streakAfter) {
    }

    private final List<Held> held = new ArrayList<>();

    /**
     * Holds one accepted answer of the open question.
     *
     * @param scored      whether the question counts towards time and correct counts (not a poll)
     * @param streakAfter the player's streak once this answer is applied
     */
    void hold(Player player, AcceptedAnswer answer, boolean scored, int streakAfter) {
        held.add(new Held(player, answer, scored, streakAfter));
    }

    /** Adds every held answer's points (and time, correct count, streak) to its player, then forgets them. */
    void applyAll() {
        for (Held h : held) {
            Player p = h.player();
            p.score += h.answer().points();
            p.streak = h.streakAfter();
            if (h.scored()) {
                p.totalTimeMs += h.answer().responseMs();
                if (h.answer().correct()) {
                    p.correctCount++;
                }
            }
        }
        held.clear();
    }

    void clear() {
        held.clear();
    }
}
