package org.quizroom.game;

/**
 * Per-game choices the teacher makes when opening a game.
 *
 * @param speedScoring faster correct answers earn more (off: a flat P for every correct answer)
 * @param streaks      the +100 per consecutive correct answer bonus
 * @param shuffleAnswers show choices in a shuffled order (the same order for everyone in the game)
 * @param lateJoin     allow joining after the game has started
 * @param timeMultiplier scales every question's time limit (and reading time), e.g. 2.0 for extra time;
 *                     {@value #MIN_MULTIPLIER} to {@value #MAX_MULTIPLIER}
 * @param readingTime  show each question's text alone for its reading time before answers open
 *                     (see {@link ReadingTime}); off: answers open at once
 */
public record GameOptions(boolean speedScoring, boolean streaks, boolean shuffleAnswers, boolean lateJoin,
                          double timeMultiplier, boolean readingTime) {

    public static final double MIN_MULTIPLIER = 0.5;
    public static final double MAX_MULTIPLIER = 4.0;

    public GameOptions {
        if (!(timeMultiplier >= MIN_MULTIPLIER && timeMultiplier <= MAX_MULTIPLIER)) {
            throw new GameException(ErrorCode.BAD_OPTIONS,
                    "The time multiplier must be between " + MIN_MULTIPLIER + " and " + MAX_MULTIPLIER + ".");
        }
    }

    /**
     * Options without reading time: answers open as soon as a question does. Games stored before
     * reading time existed read back this way too (a missing boolean is false).
     */
    public GameOptions(boolean speedScoring, boolean streaks, boolean shuffleAnswers, boolean lateJoin,
                       double timeMultiplier) {
        this(speedScoring, streaks, shuffleAnswers, lateJoin, timeMultiplier, false);
    }

    /** The scoring defaults with answers open at once (no reading time): the engine's baseline. */
    public static GameOptions defaults() {
        return new GameOptions(true, true, false, true, 1.0, false);
    }

    /** What a new game gets when the teacher changes nothing: {@link #defaults()} with reading time on. */
    public static GameOptions forNewGame() {
        return defaults().withReadingTime(true);
    }

    /** These options with reading time switched on or off. */
    public GameOptions withReadingTime(boolean on) {
        return new GameOptions(speedScoring, streaks, shuffleAnswers, lateJoin, timeMultiplier, on);
    }
}
