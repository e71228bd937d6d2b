package org.quizroom.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it: the engine's tests and the cluster's lease
 * tests. Volatile, as a server's timer threads may read it while the test thread moves it.
 */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock() {
        this(Instant.parse("2025-03-05T09:00:00Z"));
    }

    public TestClock(Instant start) {
        this.now = start;
    }

    public TestClock advance(Duration by) {
        now = now.plus(by);
        return this;
    }

    public TestClock advanceMs(long ms) {
        return advance(Duration.ofMillis(ms));
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
