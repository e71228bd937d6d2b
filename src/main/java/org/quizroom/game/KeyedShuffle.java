package org.quizroom.game;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The display order of one question's choices: a Fisher–Yates shuffle driven by HMAC-SHA256 keyed
 * with the game's secret seed, over the question index and a counter.
 *
 * <p>Why not {@code java.util.Random}: its 48-bit state is linear, and a generator seeded from the
 * game seed and the index let one question's order hint at others' (issue 9, "predictable
 * shuffles"; seed×31 + index even made question 31 of one game repeat question 0 of the next seed).
 * With a keyed PRF, each question's order is independent of every other's for anyone without the
 * key. The key is the game's 64-bit seed from {@code SecureRandom}, stored with the game (never
 * sent to a client), so a restarted server shows the same orders.
 */
final class KeyedShuffle {

    private static final byte[] LABEL = "quizroom/choice-order/v1".getBytes(StandardCharsets.US_ASCII);

    private final Mac mac;
    private final int questionIndex;
    private int counter;
    private ByteBuffer block = ByteBuffer.allocate(0);

    private KeyedShuffle(long secretSeed, int questionIndex) {
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ByteBuffer.allocate(Long.BYTES).putLong(secretSeed).array(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
        this.questionIndex = questionIndex;
    }

    /**
     * A permutation of {@code 0..n-1} for question {@code questionIndex} of the game with {@code secretSeed};
     * the same inputs always give the same permutation. {@code attempt} draws a further, independent
     * permutation (used to re-draw an order question that came out in the file's order).
     *
     * @return display index → file index
     */
    static int[] permutation(long secretSeed, int questionIndex, int attempt, int n) {
        KeyedShuffle stream = new KeyedShuffle(secretSeed, questionIndex);
        stream.counter = attempt << 16;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = stream.nextBelow(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Uniform in {@code [0, bound)}: rejection sampling, so no choice is favoured by a modulo bias. */
    private int nextBelow(int bound) {
        long limit = (1L << 32) - ((1L << 32) % bound);
        while (true) {
            long r = nextInt() & 0xFFFF_FFFFL;
            if (r < limit) {
                return (int) (r % bound);
            }
        }
    }

    private int nextInt() {
        if (block.remaining() < Integer.BYTES) {
            mac.update(LABEL);
            mac.update(ByteBuffer.allocate(2 * Integer.BYTES).putInt(questionIndex).putInt(counter++).array());
            block = ByteBuffer.wrap(mac.doFinal());
        }
        return block.getInt();
    }
}
