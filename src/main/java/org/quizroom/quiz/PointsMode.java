package org.quizroom.quiz;

import java.util.Locale;

/** How many points a question is worth at most: the P of the scoring formula. */
public enum PointsMode {
    STANDARD(1000), DOUBLE(2000), NONE(0);

    private final int basePoints;

    PointsMode(int basePoints) {
        this.basePoints = basePoints;
    }

    public int basePoints() {
        return basePoints;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PointsMode fromWireName(String name) {
        for (PointsMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return mode;
            }
        }
        return null;
    }
}
