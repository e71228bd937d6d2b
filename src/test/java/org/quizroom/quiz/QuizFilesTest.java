package org.quizroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every quiz shipped in the project's quizzes/ folder loads without a single problem. */
class QuizFilesTest {

    private static final Path QUIZZES = Path.of("quizzes");

    @Test
    void everyShippedQuizLoadsWithoutProblems() throws IOException {
        QuizCatalog catalog = new QuizCatalog(QUIZZES);

        assertThat(catalog.problems()).as("problems in %s", QUIZZES.toAbsolutePath())
                .withFailMessage(() -> "Quiz files with problems:\n" + String.join("\n",
                        catalog.problems().stream().map(QuizProblem::toString).toList()))
                .isEmpty();
        long files;
        try (Stream<Path> list = Files.list(QUIZZES)) {
            files = list.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).count();
        }
        assertThat(files).isPositive();
        assertThat(catalog.all()).hasSize((int) files);
    }
}
