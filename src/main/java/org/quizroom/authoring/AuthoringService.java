package org.quizroom.authoring;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizCatalog;
import org.quizroom.quiz.QuizParser;
import org.quizroom.quiz.QuizProblem;
import org.quizroom.web.ApiException;
import org.springframework.http.HttpStatus;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What the editor does with quiz files: open, check, save, duplicate, delete, restore. Every
 * check is the loader's own ({@link QuizParser}, then {@link QuizCatalog#imageProblems}) run on the
 * exact YAML text that would be written, so the editor can never save a file the dashboard then refuses to load.
 */
public class AuthoringService {

    private final QuizFiles files;
    private final QuizCatalog catalog;
    private final QuizLint lint;

    /** Problems (the loader's) and warnings (the linter's) for one quiz. */
    public record Check(boolean valid, List<QuizProblem> problems, List<QuizLint.Warning> warnings) {
    }

    /**
     * A quiz opened for editing.
     *
     * @param version       the file's version; send it back when saving
     * @param keptComments  comment lines at the top of the file, which a save keeps
     * @param lostComments  other comments in the file, which a save drops (the page warns first)
     */
    public record Opened(String id, String fileName, String version, Map<String, Object> quiz, int keptComments,
                         int lostComments, List<QuizProblem> problems, List<QuizLint.Warning> warnings) {
    }

    /** A saved quiz: its id and its new version. */
    public record Saved(String id, String version, List<QuizLint.Warning> warnings) {
    }

    /** A quiz file as the editor lists it; {@code loaded} is false when the loader refuses it. */
    public record Listed(String id, String fileName, String title, int questionCount, boolean loaded, int problems) {
    }

    public AuthoringService(QuizFiles files, QuizCatalog catalog, QuizLint lint) {
        this.files = files;
        this.catalog = catalog;
        this.lint = lint;
    }

    public List<Listed> list() {
        var out = new ArrayList<Listed>();
        for (String id : files.ids()) {
            var quiz = catalog.find(id);
            String fileName = files.fileOf(id).getFileName().toString();
            int problems = (int) catalog.problems().stream().filter(p -> fileName.equals(p.file())).count();
            out.add(new Listed(id, fileName, quiz.map(Quiz::title).orElse(id),
                    quiz.map(q -> q.questions().size()).orElse(0), quiz.isPresent(), problems));
        }
        return out;
    }

    /** Checks a quiz as the editor holds it, with exactly the loader's rules. */
    public Check check(Map<String, Object> quiz, String id) {
        String name = (id == null ? "new-quiz" : id) + ".yaml";
        return checkText(QuizYaml.write(quiz, ""), id == null ? "new-quiz" : id, name);
    }

    private Check checkText(String yaml, String id, String fileName) {
        QuizParser.Result result = QuizParser.parse(id, fileName, yaml);
        if (result instanceof QuizParser.Parsed parsed) {
            // The loader's second step: every picture must be a real file beside the quiz.
            List<QuizProblem> images = catalog.imageProblems(fileName, parsed.quiz());
            if (!images.isEmpty()) {
                return new Check(false, images, List.of());
            }
            return new Check(true, List.of(), lint.lint(parsed.quiz()));
        }
        return new Check(false, ((QuizParser.Failed) result).problems(), List.of());
    }

    /**
     * Opens a quiz file for editing, even one the loader refuses (so it can be fixed here).
     *
     * @throws ApiException 404 UNKNOWN_QUIZ, or 422 UNREADABLE_QUIZ when the file is not YAML at all
     */
    public Opened open(String id) {
        QuizFiles.FileText file = requireFile(id);
        QuizYaml.Document doc;
        try {
            doc = QuizYaml.read(file.text());
        } catch (YAMLException | IllegalArgumentException e) {
            var problems = ((QuizParser.Failed) QuizParser.parse(id, file.fileName(), file.text())).problems();
            throw new AuthoringProblem(HttpStatus.UNPROCESSABLE_ENTITY, "UNREADABLE_QUIZ",
                    file.fileName() + " is not a quiz the editor can read; fix it in a text editor first.", problems);
        }
        Check check = checkText(file.text(), id, file.fileName());
        int kept = (int) doc.headerComment().lines().filter(l -> l.stripLeading().startsWith("#")).count();
        return new Opened(id, file.fileName(), file.version(), doc.quiz(), kept, doc.otherComments(),
                check.problems(), check.warnings());
    }

    /**
     * Creates a new quiz file named after the title.
     *
     * @throws AuthoringProblem 422 INVALID_QUIZ with every problem when the loader would refuse it
     */
    public Saved create(Map<String, Object> quiz) {
        Check check = requireValid(quiz, null);
        String id = freeId(String.valueOf(quiz.get("title")));
        String version = files.write(id, QuizYaml.write(quiz, ""), null);
        catalog.reload();
        return new Saved(id, version, check.warnings());
    }

    /**
     * Saves over a quiz file, if nobody changed it since the editor opened {@code baseVersion}.
     *
     * @throws AuthoringProblem 422 INVALID_QUIZ when the loader would refuse the quiz
     * @throws QuizFiles.VersionConflict when the file is newer than {@code baseVersion} (both kept)
     */
    public Saved save(String id, String baseVersion, Map<String, Object> quiz) {
        QuizFiles.FileText file = requireFile(id);
        Check check = requireValid(quiz, id);
        String header = "";
        try {
            header = QuizYaml.read(file.text()).headerComment();
        } catch (YAMLException | IllegalArgumentException e) {
            // The old file was unreadable: nothing of it to keep but its saved version.
        }
        String version = files.write(id, QuizYaml.write(quiz, header), baseVersion);
        catalog.reload();
        return new Saved(id, version, check.warnings());
    }

    /** Copies a quiz under a new id, titled "... (copy)". */
    public Saved duplicate(String id) {
        Map<String, Object> quiz = new LinkedHashMap<>(open(id).quiz());
        quiz.put("title", quiz.getOrDefault("title", id) + " (copy)");
        String newId = freeId(String.valueOf(quiz.get("title")));
        String header = QuizYaml.read(requireFile(id).text()).headerComment();
        String version = files.write(newId, QuizYaml.write(quiz, header), null);
        catalog.reload();
        return new Saved(newId, version, List.of());
    }

    /** Moves a quiz file to the trash; returns the name it can be restored by. */
    public QuizFiles.Stored delete(String id) {
        requireFile(id);
        QuizFiles.Stored stored = files.trash(id);
        catalog.reload();
        return stored;
    }

    /** Puts a deleted quiz back; returns its id. */
    public String undelete(String name) {
        try {
            String id = files.untrash(name);
            catalog.reload();
            return id;
        } catch (NoSuchElementException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NOT_IN_TRASH", "There is no deleted quiz called '" + name + "'.");
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.CONFLICT, "QUIZ_EXISTS", e.getMessage());
        }
    }

    public List<QuizFiles.Stored> trash() {
        return files.trashed();
    }

    public List<QuizFiles.Stored> versions(String id) {
        requireFile(id);
        return files.versions(id);
    }

    /** One kept version, read as the editor would open it. */
    public Map<String, Object> version(String id, String name) {
        String text = files.version(id, name).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_VERSION",
                "'" + id + "' has no kept version called '" + name + "'."));
        try {
            return QuizYaml.read(text).quiz();
        } catch (YAMLException | IllegalArgumentException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "UNREADABLE_QUIZ", "That version is not readable YAML.");
        }
    }

    /**
     * Makes a kept version the current file again (the file it replaces is kept as a version too).
     * The version's text is put back byte for byte, comments included.
     */
    public Saved restore(String id, String name, String baseVersion) {
        requireFile(id);
        String text = files.version(id, name).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_VERSION",
                "'" + id + "' has no kept version called '" + name + "'."));
        String version = files.write(id, text, baseVersion);
        catalog.reload();
        return new Saved(id, version, List.of());
    }

    // ------------------------------------------------------------------------------------------

    private Check requireValid(Map<String, Object> quiz, String id) {
        if (quiz == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_JSON", "The request needs a 'quiz' object.");
        }
        Check check = check(quiz, id);
        if (!check.valid()) {
            throw new AuthoringProblem(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_QUIZ",
                    "Not saved: the quiz has " + check.problems().size() + " problem"
                            + (check.problems().size() == 1 ? "" : "s") + " to fix first.", check.problems());
        }
        return check;
    }

    private QuizFiles.FileText requireFile(String id) {
        if (!QuizFiles.validId(id)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_QUIZ", "There is no quiz called '" + id + "'.");
        }
        return files.read(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_QUIZ",
                "There is no quiz called '" + id + "'."));
    }

    /** A file name from a title: "Cold War: 1953–1962" → "cold-war-1953-1962", made unique with -2, -3, … */
    String freeId(String title) {
        String base = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "quiz";
        }
        String id = base;
        for (int n = 2; files.exists(id) || trashedAs(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** A deleted quiz keeps its id free for its own restore. */
    private boolean trashedAs(String id) {
        return files.trashed().stream().anyMatch(s -> s.name().startsWith(id + "--"));
    }
}
