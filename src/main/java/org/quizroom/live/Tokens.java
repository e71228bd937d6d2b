package org.quizroom.live;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Long random secrets and ids: never sequential, never guessable. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PIN = Pattern.compile("\\d{6}");

    private Tokens() {
    }

    public static String hostToken() {
        return "hst_" + random(24);
    }

    public static String playerToken() {
        return "plr_" + random(24);
    }

    public static String playerId() {
        return "p_" + random(9);
    }

    /** A new game PIN: six digits, the first not zero. */
    public static String pin() {
        return String.valueOf(100_000 + RANDOM.nextInt(900_000));
    }

    /**
     * Whether {@code text} has the form of a PIN (six digits), so it is worth looking up; null is not a PIN.
     * Anything else is no game's, whatever it says.
     */
    public static boolean looksLikePin(String text) {
        return text != null && PIN.matcher(text).matches();
    }

    public static long seed() {
        return RANDOM.nextLong();
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
