package org.quizroom.store;

import java.time.Instant;

public record StoredPlayer(String id, String gamePin, String token, String nickname, int joinOrder, boolean kicked,
                           Instant joinedAt, Integer finalRank, Integer finalScore) {
}
