package org.quizroom.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole server on a random port, on a real H2 file database of its own under
 * target/test-data, with join links pointing at loopback so tests never leave the machine. In the
 * PostgreSQL rerun ({@link TestDatabase}) the server uses a fresh PostgreSQL schema instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizroom.data-dir=./target/test-data/${random.uuid}",
        "quizroom.join-host=127.0.0.1",
        "quizroom.joins-per-minute=100000",
        "quizroom.join-burst=100000",
        "quizroom.messages-per-second=1000",
        "quizroom.message-burst=1000"
})
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@ExtendWith(TestDatabase.Condition.class)
public @interface LiveServerTest {
}
