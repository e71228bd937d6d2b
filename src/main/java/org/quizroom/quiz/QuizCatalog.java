package org.quizroom.quiz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The quizzes in the quizzes folder: read at start-up and again on demand. A broken file is
 * reported and skipped; it never stops the others from loading.
 */
public class QuizCatalog {

    private final Path folder;
    private volatile Map<String, Quiz> quizzes = Map.of();
    private volatile List<QuizProblem> problems = List.of();

    public QuizCatalog(Path folder) {
        this.folder = folder;
        reload();
    }

    public synchronized List<Quiz> reload() {
        var loaded = new TreeMap<String, Quiz>();
        var found = new ArrayList<QuizProblem>();
        if (!Files.isDirectory(folder)) {
            found.add(new QuizProblem(folder.toString(), null, null, "the quizzes folder does not exist"));
        } else {
            for (Path file : yamlFiles()) {
                String name = file.getFileName().toString();
                String id = name.replaceFirst("\\.ya?ml$", "");
                try {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    QuizParser.Result result = QuizParser.parse(id, name, text);
                    if (result instanceof QuizParser.Parsed parsed) {
                        List<QuizProblem> imageProblems = imageProblems(name, parsed.quiz());
                        if (!imageProblems.isEmpty()) {
                            found.addAll(imageProblems);
                            continue;
                        }
                        if (loaded.containsKey(id)) {
                            found.add(new QuizProblem(name, null, null, "another file is also called '" + id
                                    + "' (.yaml and .yml); rename one of them, this one was not loaded"));
                            continue;
                        }
                        loaded.put(id, parsed.quiz());
                    } else {
                        found.addAll(((QuizParser.Failed) result).problems());
                    }
                } catch (IOException | UncheckedIOException e) {
                    found.add(new QuizProblem(name, null, null, "cannot be read: " + e.getMessage()));
                }
            }
        }
        quizzes = Map.copyOf(loaded);
        problems = List.copyOf(found);
        return all();
    }

    /** The quizzes folder, where question images live beside the quiz files. */
    public Path folder() {
        return folder;
    }

    /**
     * Every question image must be a file beside the quiz, at most {@link QuestionImage#MAX_BYTES},
     * whose first bytes match its extension (so a renamed page or script is never served as a picture).
     */
    private List<QuizProblem> imageProblems(String fileName, Quiz quiz) {
        var found = new ArrayList<QuizProblem>();
        for (int i = 0; i < quiz.questions().size(); i++) {
            QuestionImage image = quiz.questions().get(i).image();
            if (image == null) {
                continue;
            }
            Path file = folder.resolve(image.file());
            String problem = null;
            try {
                if (!Files.isRegularFile(file)) {
                    problem = "'" + image.file() + "' was not found beside the quiz file";
                } else if (Files.size(file) > QuestionImage.MAX_BYTES) {
                    problem = "'" + image.file() + "' is larger than " + QuestionImage.MAX_BYTES / 1024
                            + " KB; make the picture smaller";
                } else if (!QuestionImage.contentMatches(image.file(), head(file))) {
                    problem = "'" + image.file() + "' is not really a " + QuestionImage.contentType(image.file())
                            + " file";
                }
            } catch (IOException e) {
                problem = "'" + image.file() + "' cannot be read: " + e.getMessage();
            }
            if (problem != null) {
                found.add(new QuizProblem(fileName, i + 1, "image.file", problem));
            }
        }
        return found;
    }

    private static byte[] head(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(4096);
        }
    }

    public List<Quiz> all() {
        return quizzes.values().stream().sorted(Comparator.comparing(Quiz::title)).toList();
    }

    public Optional<Quiz> find(String id) {
        return Optional.ofNullable(quizzes.get(id));
    }

    public List<QuizProblem> problems() {
        return problems;
    }

    private List<Path> yamlFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
