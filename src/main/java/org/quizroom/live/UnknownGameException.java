package org.quizroom.live;

/** No game has this PIN. */
public class UnknownGameException extends RuntimeException {

    /**
     * @param pin what was asked for: named in the message when it looks like a PIN (six digits), so a
     *            7,000-character path is not echoed back (found by a fresh tester)
     */
    public UnknownGameException(String pin) {
        super(Tokens.looksLikePin(pin) ? "There is no game with PIN " + pin + "."
                : "There is no game with that PIN: a PIN is six digits.");
    }
}
