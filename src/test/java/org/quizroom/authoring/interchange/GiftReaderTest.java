package org.quizroom.authoring.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizroom.authoring.interchange.Fixtures.lineOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;
import org.quizroom.quiz.Quiz;

/**
 * A GIFT file of the kind a science department shares (Windows line endings, a BOM, comments,
 * feedback, weights, escapes, categories, odd spacing, and a few things Quizroom cannot take):
 * every question that can come across does, and everything else is listed by line with a reason.
 */
class GiftReaderTest {

    private static final String FILE = "year9-science-revision.gift";

    @Test
    void theFileReallyHasABomAndWindowsLineEndings() {
        byte[] bytes = Fixtures.bytes(FILE);
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).contains("\r\n");
    }

    @Test
    void everySupportedQuestionIsCreatedAsWritten() {
        ImportResult result = GiftReader.read(FILE, Fixtures.bytes(FILE));
        Quiz quiz = Fixtures.load(result.quiz());
        List<Question> q = quiz.questions();
        assertThat(q).extracting(Question::type).containsExactly(
                QuestionType.SINGLE, QuestionType.TRUEFALSE, QuestionType.MULTI, QuestionType.SINGLE,
                QuestionType.TYPE, QuestionType.SINGLE, QuestionType.NUMBER, QuestionType.NUMBER,
                QuestionType.NUMBER, QuestionType.SINGLE, QuestionType.POLL);

        Question boiling = q.get(0);
        assertThat(boiling.text()).isEqualTo("At sea level, pure water boils at what temperature in °C?");
        assertThat(boiling.choices()).containsExactly("100", "90", "110", "212");
        assertThat(boiling.correctChoices()).containsExactly(0);
        assertThat(boiling.section()).as("$CATEGORY's last part").isEqualTo("States of matter");
        assertThat(boiling.explanation()).as("general feedback ####")
                .isEqualTo("Pure water boils at 100 °C when the air pressure is standard.");

        Question ice = q.get(1);
        assertThat(ice.correctChoices()).as("TRUE").containsExactly(0);
        assertThat(ice.explanation()).as("the feedback shown after a right answer").isEqualTo("Yes, and that is why ice floats.");

        Question states = q.get(2);
        assertThat(states.choices()).containsExactly("Solid", "Liquid", "Energy");
        assertThat(states.correctChoices()).as("positive weights").containsExactlyInAnyOrder(0, 1);

        assertThat(q.get(3).text()).as("missing-word question").isEqualTo("Water is made of hydrogen and ___ atoms.");
        assertThat(q.get(3).choices().get(q.get(3).correctChoices().iterator().next())).isEqualTo("oxygen");

        Question sodium = q.get(4);
        assertThat(sodium.text()).as("odd spacing tidied").isEqualTo("Type the chemical symbol for sodium.");
        assertThat(sodium.acceptedAnswers()).containsExactly("Na");
        assertThat(sodium.section()).isEqualTo("Chemical symbols");

        Question sets = q.get(5);
        assertThat(sets.text()).as("escapes \\{ \\} \\: \\=")
                .isEqualTo("Which expression is written with braces { } in set notation: A = {1, 2}?");
        assertThat(sets.choices()).containsExactly("a set", "a function", "an equation");
        assertThat(sets.correctChoices()).containsExactly(0);

        assertThat(q.get(6).correctNumber()).isEqualTo(6.0);
        assertThat(q.get(6).tolerance()).isZero();
        assertThat(q.get(7).correctNumber()).isEqualTo(1869.0);
        assertThat(q.get(7).explanation()).isEqualTo("Exactly right.");
        assertThat(q.get(8).correctNumber()).as("range 1800..1810").isEqualTo(1805.0);
        assertThat(q.get(8).tolerance()).isEqualTo(5.0);

        assertThat(q.get(9).text()).as("[html] tags removed").isEqualTo("Which gas do plants absorb for photosynthesis?");
        assertThat(q.get(10).choices()).containsExactly("Acids", "Metals", "Space");

        // Each question names the line it came from, for the editor to show.
        List<Map<String, Object>> raw = Fixtures.questions(result);
        assertThat(raw.get(0).get("source")).isEqualTo(FILE + ", line " + lineOf(FILE, "::Q1 boiling::"));
        assertThat(raw.get(5).get("source")).isEqualTo(FILE + ", line " + lineOf(FILE, "::Q8 set notation::"));
    }

    @Test
    void whatCannotComeAcrossIsListedByLineWithAReason() {
        ImportResult result = GiftReader.read(FILE, Fixtures.bytes(FILE));
        assertThat(result.issues()).extracting(ImportResult.Issue::line, ImportResult.Issue::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(lineOf(FILE, "::Q3::"), "changed"),
                org.assertj.core.groups.Tuple.tuple(lineOf(FILE, "::Q5::"), "skipped"),
                org.assertj.core.groups.Tuple.tuple(lineOf(FILE, "::Q6::"), "changed"),
                org.assertj.core.groups.Tuple.tuple(lineOf(FILE, "::Q7::"), "skipped"),
                org.assertj.core.groups.Tuple.tuple(lineOf(FILE, "::Q10::"), "changed"),
                org.assertj.core.groups.Tuple.tuple(lineOf(FILE, "::Q12::"), "changed"),
                org.assertj.core.groups.Tuple.tuple(lineOf(FILE, "::Q13::"), "changed"),
                org.assertj.core.groups.Tuple.tuple(lineOf(FILE, "Well done!"), "skipped"),
                org.assertj.core.groups.Tuple.tuple(lineOf(FILE, "::Q14::"), "skipped"));
        assertThat(result.issues()).extracting(ImportResult.Issue::message).satisfiesExactly(
                m -> assertThat(m).contains("weights"),
                m -> assertThat(m).contains("essay"),
                m -> assertThat(m).contains("partial-credit answer 'So' (50%)"),
                m -> assertThat(m).contains("matching"),
                m -> assertThat(m).contains("partial-credit answer 1870"),
                m -> assertThat(m).contains("HTML"),
                m -> assertThat(m).contains("poll"),
                m -> assertThat(m).contains("description"),
                m -> assertThat(m).contains("never closed"));
        assertThat(result.issues().get(3).excerpt()).startsWith("::Q7:: Match each element");
    }

    @Test
    void numbersWithToleranceRangeAndPlainValue() {
        assertThat(GiftReader.numericValue("1953:2")).containsExactly(1953, 2);
        assertThat(GiftReader.numericValue("1950..1956")).containsExactly(1953, 3);
        assertThat(GiftReader.numericValue("-2.5")).containsExactly(-2.5, 0);
        assertThat(GiftReader.numericValue("about 5")).isNull();
    }

    @Test
    void aFileWithNothingButCommentsGivesNoQuestionsAndNoError() {
        ImportResult result = GiftReader.read("empty.gift", "// nothing yet\r\n\r\n// still nothing\r\n".getBytes());
        assertThat(Fixtures.questions(result)).isEmpty();
        assertThat(result.issues()).isEmpty();
    }

    @Test
    void aWindows1252FileIsReadToo() {
        byte[] latin = "::Q:: Caf\u00e9 is French for? {=coffee ~tea}\r\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        ImportResult result = GiftReader.read("old.gift", latin);
        assertThat(Fixtures.questions(result).get(0).get("text")).isEqualTo("Café is French for?");
        assertThat(Fixtures.questions(result).get(0).get("choices")).isEqualTo(List.of("coffee", "tea"));
    }
}
