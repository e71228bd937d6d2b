package org.quizroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The load bench, small: 200 bot players play the warm-up quiz over real WebSockets. Checks
 * correctness only, never timing: every bot gets every event in order, every answer is
 * acknowledged, and every acknowledged answer is stored.
 */
@LiveServerTest
class SmallLoadIT {

    private static final int PLAYERS = 200;

    @LocalServerPort
    int port;

    @Test
    void everyBotSeesEveryEventInOrderAndEveryAcknowledgedAnswerIsStored() throws Exception {
        LoadBench.Result r = LoadBench.run("http://127.0.0.1:" + port,
                LoadBench.Config.of(PLAYERS).withThinkMs(300).withPhaseTimeout(Duration.ofSeconds(30)), System.out);

        assertThat(r.problems()).as("problems").isEmpty();
        assertThat(r.questions).isEqualTo(5);
        assertThat(r.answersSent).isEqualTo(PLAYERS * r.questions);
        assertThat(r.acksAccepted).isEqualTo(r.answersSent);
        assertThat(r.answersStored).as("answers in the report").isEqualTo(r.acksAccepted);
        assertThat(r.questionFanOut.count()).as("QUESTION receipts").isEqualTo(PLAYERS * r.questions);
        assertThat(r.resultAfterLastAnswer.count()).as("RESULT receipts").isEqualTo(PLAYERS * r.questions);
        assertThat(r.missingReveal).as("missing REVEAL").isZero();
        assertThat(r.orderViolations).as("events out of order").isZero();
        // sync sent after SUBSCRIBE is answered into the subscription: no STATE is ever lost
        assertThat(r.syncRetries).as("sync re-sent because STATE never came").isZero();
        assertThat(r.correct()).isTrue();
    }
}
