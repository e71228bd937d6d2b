package org.quizroom.authoring.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.quizroom.authoring.interchange.Fixtures.lineOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;

/** An Aiken file with both option styles, a lower-case answer, CRLF, a BOM and four broken questions. */
class AikenReaderTest {

    private static final String FILE = "geography-aiken.txt";

    @Test
    void goodQuestionsBecomeSingleChoiceAndBrokenOnesAreListedByLine() {
        ImportResult result = AikenReader.read(FILE, Fixtures.bytes(FILE));
        List<Question> q = Fixtures.load(result.quiz()).questions();
        assertThat(q).extracting(Question::text).containsExactly("Which planet is closest to the Sun?",
                "What is the largest ocean on Earth?", "Which gas makes up most of the air we breathe?",
                "Which is the longest river in Africa?");
        assertThat(q).allMatch(x -> x.type() == QuestionType.SINGLE);
        assertThat(q.get(0).choices()).containsExactly("Venus", "Mercury", "Earth", "Mars");
        assertThat(q.get(0).correctChoices()).containsExactly(1);
        assertThat(q.get(1).choices()).as("A) style").containsExactly("Atlantic", "Indian", "Pacific");
        assertThat(q.get(1).correctChoices()).containsExactly(2);
        assertThat(q.get(2).correctChoices()).as("ANSWER:   b").containsExactly(1);
        assertThat(q.get(0).section()).isEqualTo("Geography aiken");

        assertThat(result.issues()).extracting(ImportResult.Issue::line, ImportResult.Issue::kind, ImportResult.Issue::message)
                .containsExactly(
                        tuple(lineOf(FILE, "How many continents"), "skipped", "ANSWER: 'E' is not one of the option letters [A, B]"),
                        tuple(lineOf(FILE, "Which of these is a mammal"), "skipped", "no ANSWER: line after the options"),
                        tuple(lineOf(FILE, "frozen water") - 1, "skipped", "an ANSWER: line with no question before it"),
                        tuple(lineOf(FILE, "frozen water"), "skipped", "the file ends before this question's ANSWER: line"));
    }
}
