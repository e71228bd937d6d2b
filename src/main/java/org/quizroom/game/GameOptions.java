package org.quizroom.game;

/**
 * Per-game choices the teacher makes when opening a game.
 *
 * @param speedScoring faster correct answers earn more (off: a flat P for every correct answer)
 * @param streaks      the +100 per consecutive correct answer bonus
 * @param shuffleAnswers show choices in a shuffled order (the same order for everyone in the game); on by
 *                       default so the key's slot carries no hint (issue 11); a question may pin its order
 * @param lateJoin     allow joining after the game has started
 * @param timeMultiplier scales every question's time limit, e.g. 2.0 for extra time
 */
public record GameOptions(boolean speedScoring, boolean streaks, boolean shuffleAnswers, boolean lateJoin,
                          double timeMultiplier) {

    public static final double MIN_MULTIPLIER = 0.5;
    public static final double MAX_MULTIPLIER = 4.0;

    public GameOptions {
        if (!(timeMultiplier >= MIN_MULTIPLIER && timeMultiplier <= MAX_MULTIPLIER)) {
            throw new GameException(ErrorCode.BAD_OPTIONS,
                    "The time multiplier must be between " + MIN_MULTIPLIER + " and " + MAX_MULTIPLIER + ".");
        }
    }

    public static GameOptions defaults() {
        return new GameOptions(true, true, true, true, 1.0);
    }
}
