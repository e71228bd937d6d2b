package org.quizroom.authoring.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;
import org.quizroom.quiz.Quiz;

/** GIFT → Quizroom → GIFT → Quizroom keeps every supported question, and Quizroom's own quizzes survive GIFT. */
class GiftRoundTripTest {

    @Test
    void theTeachersGiftFileSurvivesARoundTrip() {
        Quiz first = Fixtures.load(GiftReader.read("y9.gift", Fixtures.bytes("year9-science-revision.gift")).quiz());
        ExportResult gift = GiftWriter.write(first);
        Quiz second = Fixtures.load(GiftReader.read("y9.gift", gift.bytes()).quiz());
        List<Question> supported = first.questions().stream().filter(q -> q.type() != QuestionType.POLL).toList();
        assertThat(second.questions()).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(supported);
        assertThat(gift.notExported()).singleElement().asString().startsWith("question 11 (poll)");
        assertThat(new String(gift.bytes(), StandardCharsets.UTF_8)).contains("// Not exported: question 11 (poll)");
    }

    @Test
    void bundledQuizzesSurviveGiftExceptOrderAndPoll() throws Exception {
        for (String id : List.of("warm-up", "post-stalin-transition")) {
            String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("quizzes", id + ".yaml"));
            Quiz quiz = ((org.quizroom.quiz.QuizParser.Parsed) org.quizroom.quiz.QuizParser.parse(id, id + ".yaml", yaml)).quiz();
            ExportResult gift = GiftWriter.write(quiz);
            Quiz back = Fixtures.load(GiftReader.read(id + ".gift", gift.bytes()).quiz());
            List<Question> supported = quiz.questions().stream()
                    .filter(q -> q.type() != QuestionType.POLL && q.type() != QuestionType.ORDER)
                    // GIFT has no time limits or double points: compare what it can hold.
                    .map(GiftRoundTripTest::withoutTimeAndPoints).toList();
            assertThat(back.questions().stream().map(GiftRoundTripTest::withoutTimeAndPoints).toList())
                    .as(id).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(supported);
            assertThat(gift.notExported()).hasSize(quiz.questions().size() - supported.size());
        }
    }

    private static Question withoutTimeAndPoints(Question q) {
        return new Question(q.type(), q.text(), q.choices(), q.correctChoices(), q.acceptedAnswers(), q.correctNumber(),
                q.tolerance(), 20, org.quizroom.quiz.PointsMode.STANDARD, q.section(), q.explanation());
    }
}
