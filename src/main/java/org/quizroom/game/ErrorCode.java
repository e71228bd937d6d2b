package org.quizroom.game;

/** Why the engine refused something; each maps to a wire error code and an HTTP status. */
public enum ErrorCode {
    BAD_OPTIONS(400),
    NICKNAME_INVALID(400),
    /** A nickname that reads as the teacher or as Quizroom itself ("Teacher", "Host 1"): {@code ReservedNames}. */
    NICKNAME_RESERVED(400),
    NICKNAME_TAKEN(409),
    /** The teacher removed a player with this (folded) nickname from the game. */
    NICKNAME_REMOVED(403),
    GAME_LOCKED(423),
    GAME_FINISHED(423),
    GAME_FULL(429),
    UNKNOWN_PLAYER(404),
    INVALID_STATE(409),
    /** Start pressed with nobody in the game: a lesson needs at least one player. */
    NO_PLAYERS(409),
    /**
     * A host command meant for a screen the game has already left (a double press, a second host
     * screen pressing the same button, a replayed frame): refused so it cannot act twice.
     */
    STALE_COMMAND(409),
    WRONG_QUESTION(400),
    TOO_LATE(409),
    /** An answer sent during the reading time, before answers open. */
    TOO_EARLY(409),
    ALREADY_ANSWERED(409),
    BAD_ANSWER(400);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
