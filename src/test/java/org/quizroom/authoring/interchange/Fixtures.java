package org.quizroom.authoring.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizParser;

/** The hand-written import files under src/test/resources/interchange, and small readers of results. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/interchange/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the first line containing {@code marker}: what a teacher looks up in the file. */
    public static int lineOf(String name, String marker) {
        List<String> lines = List.of(new String(bytes(name), StandardCharsets.UTF_8).split("\r\n|\r|\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker + " not in " + name);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> questions(ImportResult result) {
        return (List<Map<String, Object>>) result.quiz().get("questions");
    }

    /** Runs the converted quiz through the loader itself, as saving it from the editor would. */
    public static Quiz load(Map<String, Object> quiz) {
        String yaml = org.quizroom.authoring.QuizYaml.write(quiz, "");
        QuizParser.Result parsed = QuizParser.parse("imported", "imported.yaml", yaml);
        if (parsed instanceof QuizParser.Failed failed) {
            throw new AssertionError("the loader refuses the import: " + failed.problems() + "\n" + yaml);
        }
        return ((QuizParser.Parsed) parsed).quiz();
    }
}
