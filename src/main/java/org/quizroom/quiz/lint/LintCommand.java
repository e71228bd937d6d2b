package org.quizroom.quiz.lint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.quizroom.quiz.QuizParser;

/**
 * {@code java -jar quizroom.jar lint FILE...}: checks quiz files without starting the server.
 * Prints load problems and lint warnings, one per line, and exits with 0 (nothing above info),
 * 1 (warnings) or 2 (a file does not load, cannot be read, or no file was named).
 */
public final class LintCommand {

    private LintCommand() {
    }

    /** Runs the command on {@code files} and returns the exit code; output goes to {@code out}. */
    public static int run(List<String> files, PrintStream out) {
        if (files.isEmpty()) {
            out.println("usage: java -jar quizroom.jar lint quizzes/x.yaml [more.yaml ...]");
            return 2;
        }
        int code = 0;
        for (String name : files) {
            Path file = Path.of(name);
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                out.println(name + ": cannot be read: " + e.getMessage());
                code = 2;
                continue;
            }
            String fileName = file.getFileName().toString();
            QuizParser.Result result = QuizParser.parse(fileName.replaceFirst("\\.ya?ml$", ""), fileName, text);
            if (result instanceof QuizParser.Failed failed) {
                failed.problems().forEach(p -> out.println("error: " + p));
                code = 2;
                continue;
            }
            List<LintWarning> warnings = QuizLinter.lint(((QuizParser.Parsed) result).quiz());
            warnings.forEach(w -> out.println(name + ", " + w));
            long above = warnings.stream().filter(w -> w.severity() != LintWarning.Severity.INFO).count();
            out.println(name + ": " + above + " warning" + (above == 1 ? "" : "s") + ", "
                    + (warnings.size() - above) + " info");
            if (above > 0 && code == 0) {
                code = 1;
            }
        }
        return code;
    }
}
