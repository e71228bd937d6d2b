package org.quizroom.cluster;

/** A write for a game was refused because this node no longer holds the game's lease (another node took it). */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String pin, String why) {
        super("This node no longer runs game " + pin + ": " + why);
    }
}
