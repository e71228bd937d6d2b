package org.quizroom.authoring;

import java.util.List;
import org.quizroom.quiz.QuizProblem;
import org.springframework.http.HttpStatus;
import org.quizroom.web.ApiException;

/** A refused editor request that carries the loader's problems, so the page can show each beside its question. */
public class AuthoringProblem extends ApiException {

    private final transient List<QuizProblem> problems;

    public AuthoringProblem(HttpStatus status, String code, String message, List<QuizProblem> problems) {
        super(status, code, message);
        this.problems = List.copyOf(problems);
    }

    public List<QuizProblem> problems() {
        return problems;
    }
}
