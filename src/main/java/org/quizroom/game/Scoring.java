package org.quizroom.game;

/** The scoring rules of the design, as pure functions. */
public final class Scoring {

    public static final int STREAK_STEP = 100;
    public static final int STREAK_MAX = 500;

    private Scoring() {
    }

    /**
     * Points for a correct answer: {@code round(P × (1 − (t / T) / 2))}, so between P/2 and P;
     * a flat P when speed scoring is off. {@code t} is clamped to {@code [0, T]}.
     */
    public static int speedPoints(int basePoints, long responseMs, long timeLimitMs, boolean speedScoring) {
        if (!speedScoring || basePoints == 0) {
            return basePoints;
        }
        double t = Math.min(Math.max(responseMs, 0), timeLimitMs);
        return (int) Math.round(basePoints * (1 - (t / timeLimitMs) / 2));
    }

    /** +100 for each consecutive correct answer after the first, at most +500. */
    public static int streakBonus(int streakIncludingThisAnswer) {
        return Math.min(STREAK_STEP * Math.max(streakIncludingThisAnswer - 1, 0), STREAK_MAX);
    }
}
