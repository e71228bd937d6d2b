package org.quizroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the feature packages honest: the engine stays plain Java, and lower layers never reach
 * up into the ones built on them.
 */
class ModuleBoundariesTest {

    private static final Path ROOT = Path.of("src/main/java/org/quizroom");

    @ParameterizedTest(name = "{0} must not import {1}")
    @CsvSource({
            "game, org.springframework",
            "game, com.fasterxml",
            "game, org.quizroom.live",
            "game, org.quizroom.store",
            "game, org.quizroom.web",
            "quiz, org.springframework",
            "quiz, org.quizroom.game",
            "quiz, org.quizroom.live",
            "store, org.quizroom.live",
            "store, org.quizroom.web",
            "store, org.quizroom.report",
            "live, org.quizroom.web",
            "live, org.quizroom.report",
    })
    void packageDoesNotDependOn(String pkg, String forbidden) throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve(pkg))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import " + forbidden) || line.startsWith("import static " + forbidden)) {
                        offenders.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertThat(offenders).as("imports of %s in %s", forbidden, pkg).isEmpty();
    }
}
