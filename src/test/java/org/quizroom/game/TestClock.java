package org.quizroom.game;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. */
final class TestClock extends Clock {

    private Instant now;

    TestClock() {
        this(Instant.parse("2025-03-05T09:00:00Z"));
    }

    TestClock(Instant start) {
        this.now = start;
    }

    TestClock advance(Duration by) {
        now = now.plus(by);
        return this;
    }

    TestClock advanceMs(long ms) {
        return advance(Duration.ofMillis(ms));
    }

    void set(Instant instant) {
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
