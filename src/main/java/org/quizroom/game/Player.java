package org.quizroom.game;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.quizroom.quiz.Answer;

/** A player's live state inside one game; only {@link Game} touches it, under its lock. */
final class Player {

    /** Round trips kept: a connect burst plus the periodic pings of the last half minute or so. */
    static final int RTT_SAMPLES = 7;

    final String id;
    final String nickname;
    /** {@link NicknamePolicy#sameNameKeys}: another player with any of these has the same name. */
    final java.util.List<String> nameKeys;
    final int joinOrder;
    boolean connected;
    boolean kicked;
    int score;
    int streak;
    /** Tie-break time: answer times of scored questions, plus the full limit of each one missed. */
    long totalTimeMs;
    int correctCount;
    final Map<Integer, AcceptedAnswer> answers = new HashMap<>();
    /** When each question first reached this player: the start of their response time. */
    final Map<Integer, Instant> deliveredAt = new HashMap<>();
    /** Closed questions this player had open (reached them while open, answered or not). */
    final java.util.Set<Integer> hadOpen = new java.util.HashSet<>();
    private final Deque<Long> roundTrips = new ArrayDeque<>();
    /**
     * A number typed two ways ("8,000") for question {@link #firstReadingOf}, as first read (8000): what a
     * reloaded phone is shown while the question is open. The stored answer is the reading that was
     * right, and showing that would tell the student before the reveal.
     */
    Answer firstReading;
    int firstReadingOf = -1;

    Player(String id, String nickname, int joinOrder) {
        this.id = id;
        this.nickname = nickname;
        this.nameKeys = NicknamePolicy.sameNameKeys(nickname);
        this.joinOrder = joinOrder;
    }

    void recordRoundTrip(long rttMs) {
        if (roundTrips.size() == RTT_SAMPLES) {
            roundTrips.removeFirst();
        }
        roundTrips.addLast(Math.max(0, rttMs));
    }

    /**
     * The network delay forgiven on an answer, in ms: the median of the recent round trips, capped
     * at {@code cap} ms. The whole round trip, not half: the question's way to the phone and the
     * answer's way back are both network time, not thinking time (issue 16). The median (the lower
     * one for an even count) means one stalled or unusually quick pong neither helps nor hurts.
     * 0 before the first pong.
     */
    long networkAllowanceMs(long cap) {
        if (roundTrips.isEmpty()) {
            return 0;
        }
        long[] sorted = roundTrips.stream().mapToLong(Long::longValue).sorted().toArray();
        return Math.min(sorted[(sorted.length - 1) / 2], cap);
    }

    PlayerView view() {
        return new PlayerView(id, nickname, connected, score, streak);
    }
}
