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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
        // Plain text marks no title: the file's name is the quiz's, the first heading stays a section.
        assertThat(((QuizParser.Parsed) parsed).quiz().title()).isEqualTo("Industrial revolution");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("questions proposed").contains("Factory Life");
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("org.quizroom.authoring.draft.TitleCases#files")
    void theQuizIsTitledByTheDocumentsOwnTitleElseItsFileName(String fileName, byte[] content, String title,
                                                               String section) throws IOException {
        Path notes = Files.write(dir.resolve(fileName), content);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int code = DraftCommand.run(new String[] {notes.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        var parsed = (QuizParser.Parsed) QuizParser.parse("draft", "draft.yaml", out.toString(StandardCharsets.UTF_8));
        assertThat(parsed.quiz().title()).isEqualTo(title);
        // The section heading that is not the title still names its questions' section.
        assertThat(parsed.quiz().questions()).anySatisfy(q -> assertThat(q.section()).isEqualTo(section));
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
