package org.quizroom.live;

/** No game has this PIN. */
public class UnknownGameException extends RuntimeException {

    public UnknownGameException(String pin) {
        super("There is no game with PIN " + pin + ".");
    }
}
