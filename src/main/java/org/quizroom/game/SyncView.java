package org.quizroom.game;

import java.util.List;

/**
 * Everything a (re)connecting client needs to draw the current screen.
 *
 * @param you          the player's own standing; null for the host
 * @param question     the open question (phase QUESTION), else null
 * @param opensInMs    ms until answers to the open question open (0 once open)
 * @param remainingMs  answer time left on the open question, in ms (the full limit during reading time)
 * @param answered     whether this player already answered the open question
 * @param yourAnswer   that answer, in display indices (phase QUESTION, once answered), else null
 * @param reveal       the last reveal (phases REVEAL, LEADERBOARD), else null
 * @param result       this player's result for the last closed question, if any
 * @param leaderboard  current top 5
 * @param podium       top 3 (phase FINISHED)
 * @param fin          this player's final place (phase FINISHED)
 */
public record SyncView(Phase phase, PlayerView you, Integer rank, QuestionView question, long opensInMs, long remainingMs,
                       boolean answered, org.quizroom.quiz.Answer yourAnswer, RevealView reveal, PlayerResult result, List<Standing> leaderboard,
                       List<Standing> podium, PlayerFinal fin, int playerCount, boolean locked) {
}
