package org.quizroom.game;

/** A refused command or answer; the game's state is unchanged. */
public class GameException extends RuntimeException {

    private final ErrorCode code;

    public GameException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
