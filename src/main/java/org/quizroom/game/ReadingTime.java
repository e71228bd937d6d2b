package org.quizroom.game;

import org.quizroom.quiz.Question;

/**
 * How long a question's text is shown alone before answers open (issue 10: "get ready, read, then
 * answer"). The reading time never counts against a student's answer time: the answer clock and
 * the deadline start when answers open.
 */
public final class ReadingTime {

    /** Shortest default reading time, in ms: even "True or false?" needs a glance. */
    static final long MIN_DEFAULT_MS = 2_000;
    /** Longest default reading time, in ms, for a 300-character question. */
    static final long MAX_DEFAULT_MS = 6_000;
    /** Base and per-character cost of the default: about 25 characters a second, a slow reader's pace aloud. */
    static final long BASE_MS = 1_000;
    static final long PER_CHAR_MS = 40;

    private ReadingTime() {
    }

    /**
     * The reading time of {@code question} in this game, in ms: 0 when the game's {@code readingTime}
     * option is off; else the question's own {@code readingSeconds} (set per question or per quiz in
     * the YAML) or, when it has none, 1 s + 40 ms per character of text, between 2 and 6 s, rounded
     * to 100 ms. Scaled by the game's time multiplier, like the answer time.
     */
    public static long readingMs(Question question, GameOptions options) {
        if (!options.readingTime()) {
            return 0;
        }
        long base = question.readingSeconds() != null
                ? Math.round(question.readingSeconds() * 1000)
                : defaultMs(question.text());
        return Math.round(base * options.timeMultiplier() / 100.0) * 100;
    }

    /** The default for a text, in ms (see {@link #readingMs}). */
    static long defaultMs(String text) {
        int chars = text.codePointCount(0, text.length());
        long ms = BASE_MS + PER_CHAR_MS * chars;
        return Math.round(Math.min(Math.max(ms, MIN_DEFAULT_MS), MAX_DEFAULT_MS) / 100.0) * 100;
    }
}
