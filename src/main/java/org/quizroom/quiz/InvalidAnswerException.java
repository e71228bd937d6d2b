package org.quizroom.quiz;

/** The answer does not fit the question: wrong shape for its type, or a choice out of range. */
public class InvalidAnswerException extends RuntimeException {

    public InvalidAnswerException(String message) {
        super(message);
    }
}
