package org.quizroom.quiz;

import java.util.List;

/** What a player sent, already decoded from JSON but not yet checked against a question. */
public sealed interface Answer {

    /** A choice index ({@code single}, {@code truefalse}, {@code poll}). */
    record Choice(int index) implements Answer {
    }

    /** Several choice indices ({@code multi}, or {@code order} in the chosen order). */
    record Choices(List<Integer> indices) implements Answer {
        public Choices {
            indices = List.copyOf(indices);
        }
    }

    /** A typed answer ({@code type}). */
    record Text(String value) implements Answer {
    }

    /**
     * A numeric answer ({@code number}). {@code otherReading} is the second reading of typed text
     * that can mean two numbers ({@code 1.953}: 1.953 or 1953, see {@link NumberReader#reading}),
     * else null; {@link AnswerChecker#resolve} settles it against the question.
     */
    record Numeric(double value, Double otherReading) implements Answer {
        public Numeric(double value) {
            this(value, null);
        }
    }
}
