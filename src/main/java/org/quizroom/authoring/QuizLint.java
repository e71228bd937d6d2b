package org.quizroom.authoring;

import java.util.List;
import org.quizroom.quiz.Quiz;

/**
 * Where the quiz linter's warnings come from for the editor: advice a teacher can act on, never
 * a reason to refuse a save (refusals come only from the loader's rules). The linter itself lives
 * in the quiz package; this is the one place the editor calls it.
 */
public interface QuizLint {

    /** One piece of advice: the 1-based question (null for the whole quiz), a stable code and a sentence. */
    record Warning(Integer question, String code, String message) {
    }

    /** Warnings for a quiz that loads; empty when there is nothing to say. */
    List<Warning> lint(Quiz quiz);
}
