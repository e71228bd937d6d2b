package org.quizroom.live;

import java.security.SecureRandom;
import java.util.Base64;

/** Long random secrets and ids: never sequential, never guessable. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

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

    public static String pin() {
        return String.valueOf(100_000 + RANDOM.nextInt(900_000));
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
