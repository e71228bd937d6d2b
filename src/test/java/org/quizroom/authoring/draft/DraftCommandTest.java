package org.quizroom.authoring.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizroom.quiz.QuizParser;

/** {@code java -jar quizroom.jar draft notes.txt > quiz.yaml}, run in-process through the same entry. */
class DraftCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesAQuizFileThatLoadsAndASummaryOnStandardError() throws IOException {
        Path notes = dir.resolve("industrial-revolution.txt");
        try (var in = getClass().getResourceAsStream("/notes/industrial-revolution.txt")) {
            Files.write(notes, in.readAllBytes());
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = DraftCommand.run(new String[] {notes.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String yaml = out.toString(StandardCharsets.UTF_8);
        var parsed = QuizParser.parse("draft", "draft.yaml", yaml);
        assertThat(parsed).isInstanceOf(QuizParser.Parsed.class);
        assertThat(((QuizParser.Parsed) parsed).quiz().title()).isEqualTo("The Industrial Revolution in Britain");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("questions proposed").contains("Factory Life");
    }

    @Test
    void missingFileAndNoArgumentsExitWithUsage() {
        var err = new ByteArrayOutputStream();
        var errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(DraftCommand.run(new String[] {dir.resolve("nope.txt").toString()}, System.out, errStream)).isEqualTo(2);
        assertThat(DraftCommand.run(new String[0], System.out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file").contains("usage: java -jar quizroom.jar draft");
    }
}
