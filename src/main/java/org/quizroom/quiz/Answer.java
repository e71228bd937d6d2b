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

    /** A numeric answer ({@code number}). */
    record Numeric(double value) implements Answer {
    }
}
