package org.quizroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code java -jar quizroom.jar ...} does with words that are not settings, before any server starts. */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return QuizroomApplication.refuseUnknownCommand(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help", "-?"})
    void helpPrintsHowToStartAndTheCommandsThenExitsWithoutAServer(String help) {
        assertThat(run(help)).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("usage: java -jar quizroom.jar", "draft NOTES_FILE", "lint QUIZ_FILE",
                "--server.port=8080", "--quizroom.teacher-password=");
        assertThat(err.size()).isZero();
    }

    @Test
    void helpAmongSettingsStillOnlyPrintsHelp() {
        assertThat(run("--server.port=9000", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Main settings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"drat", "lnt", "start", "quizzes/warm-up.yaml", "-port=9000"})
    void aMistypedCommandIsNamedAndExitsTwoInsteadOfStartingAServer(String word) {
        assertThat(run("--server.port=9000", word)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown command: " + word).contains("--help");
        assertThat(out.size()).isZero();
    }

    @Test
    void settingsAloneStartTheServer() {
        assertThat(run()).isEqualTo(-1);
        assertThat(run("--server.port=9000", "--quizroom.data-dir=/tmp/x", "--debug")).isEqualTo(-1);
        assertThat(out.size() + err.size()).isZero();
    }
}
