package org.quizroom.quiz.lint;

import java.util.List;
import org.quizroom.quiz.Quiz;

/** One check over a whole quiz. Rules are pure: same quiz in, same warnings out. */
interface LintRule {

    List<LintWarning> check(Quiz quiz);
}
