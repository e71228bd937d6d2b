package org.quizroom.web;

import java.util.List;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizCatalog;
import org.quizroom.quiz.QuizProblem;
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

    public QuizController(QuizCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public List<QuizSummary> list() {
        return catalog.all().stream().map(QuizSummary::of).toList();
    }

    @GetMapping("/problems")
    public List<QuizProblem> problems() {
        return catalog.problems();
    }

    @PostMapping("/reload")
    public List<QuizSummary> reload() {
        return catalog.reload().stream().map(QuizSummary::of).toList();
    }
}
