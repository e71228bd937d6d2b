package org.quizroom.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizCatalog;
import org.quizroom.quiz.QuizProblem;
import org.quizroom.quiz.lint.LintWarning;
import org.quizroom.quiz.lint.QuizLinter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The quizzes in the quizzes folder, and the files that failed to load. */
@RestController
@RequestMapping("/api/quizzes")
public class QuizController {

    public record QuizSummary(String id, String title, String description, int questionCount, List<String> sections) {
        static QuizSummary of(Quiz quiz) {
            return new QuizSummary(quiz.id(), quiz.title(), quiz.description(), quiz.questions().size(),
                    quiz.sections());
        }
    }

    private final QuizCatalog catalog;
    private final TeacherComputer teacher;

    public QuizController(QuizCatalog catalog, TeacherComputer teacher) {
        this.catalog = catalog;
        this.teacher = teacher;
    }

    @GetMapping
    public List<QuizSummary> list() {
        return catalog.all().stream().map(QuizSummary::of).toList();
    }

    @GetMapping("/problems")
    public List<QuizProblem> problems() {
        return catalog.problems();
    }

    /** One lint warning on the wire: 1-based question numbers, rule id, "info" or "warning", message, fix. */
    public record LintItem(List<Integer> questions, String rule, String severity, String message, String fix) {
        static LintItem of(LintWarning w) {
            return new LintItem(w.questions(), w.rule(), w.severity().wireName(), w.message(), w.fix());
        }
    }

    public record LintReport(String quizId, int warnings, int infos, List<LintItem> items) {
    }

    /** The linter's findings for one loaded quiz (404 UNKNOWN_QUIZ if there is none by that id). */
    @GetMapping("/{id}/lint")
    public LintReport lint(@PathVariable String id) {
        Quiz quiz = catalog.find(id).orElseThrow(() ->
                new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_QUIZ", "There is no quiz '" + id + "'."));
        List<LintItem> items = QuizLinter.lint(quiz).stream().map(LintItem::of).toList();
        int infos = (int) items.stream().filter(i -> i.severity().equals("info")).count();
        return new LintReport(id, items.size() - infos, infos, items);
    }

    /**
     * Reads the quizzes folder again and returns what is loaded now. The teacher's only: the folder is read
     * and parsed whole each time, so a student's script must not be able to loop on it.
     *
     * @throws ApiException 403 TEACHER_COMPUTER_ONLY from another computer when no teacher password is set
     */
    @PostMapping("/reload")
    public List<QuizSummary> reload(HttpServletRequest request) {
        teacher.require(request, "TEACHER_COMPUTER_ONLY", "reloading the quizzes");
        return catalog.reload().stream().map(QuizSummary::of).toList();
    }
}
