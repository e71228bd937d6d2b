package org.quizroom.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.quizroom.QuizroomProperties;
import org.springframework.stereotype.Component;

/** Joins per client address per minute, so one machine cannot flood a lobby with fake players. */
@Component
public class JoinRateLimiter {

    private static final long WINDOW_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public JoinRateLimiter(QuizroomProperties properties) {
        this.perMinute = properties.joinsPerMinute();
    }

    public boolean tryJoin(String address) {
        long now = System.nanoTime();
        Deque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > WINDOW_NANOS) {
                times.removeFirst();
            }
            if (times.size() >= perMinute) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
