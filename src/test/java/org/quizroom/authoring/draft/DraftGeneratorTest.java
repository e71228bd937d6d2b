package org.quizroom.authoring.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.QuizParser;

/**
 * The whole generator on notes written for this test in the shape of a saved revision web page
 * (numbered title, plain-line headings, "•" Term: description bullets, FAQ paragraphs, practice
 * questions, page clutter) and on a Markdown page with numbered steps.
 */
class DraftGeneratorTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DraftGeneratorTest.class.getResourceAsStream("/notes/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Draft draft(String name) throws IOException {
        return new DraftGenerator(1 << 20, DraftGenerator.DEFAULT_TARGET).fromFile(name, resource(name));
    }

    @Test
    void revisionPageShapedNotesGiveSectionsTypesAndAQuizThatLoads() throws IOException {
        Draft d = draft("industrial-revolution.txt");
        assertThat(d.title()).isEqualTo("Industrial revolution"); // plain text marks no title: the file's name
        assertThat(d.sections()).extracting(Draft.SectionSummary::heading).containsExactly(
                "The Industrial Revolution in Britain", "Causes of Industrialisation", "Key Conditions",
                "Inventions and Inventors", "Transport and Communication", "Living and Working Conditions",
                "Factory Life", "Public Health", "FAQ", "Practice Questions");
        assertThat(d.sections()).allSatisfy(s -> assertThat(s.proposed()).as(s.heading()).isPositive());
        assertThat(d.questions()).hasSizeBetween(25, 30);
        assertThat(d.counts()).containsKeys("single", "truefalse", "number", "poll");
        assertThat(d.counts().get("poll")).isEqualTo(2);
        assertThat(d.questions()).allSatisfy(q -> {
            assertThat(((String) q.question().get("text")).length()).isLessThanOrEqualTo(120);
            assertThat(q.status()).isEqualTo("draft");
            assertThat(q.source()).isNotBlank();
            assertThat(q.section()).isEqualTo(q.question().get("section"));
        });
        // Clutter never reaches a question.
        assertThat(d.questions()).noneMatch(q -> q.source().matches("(?i).*(free lesson|form below|message us|1/3).*"));
        // The YAML loads with the project's own parser, without the sources.
        var parsed = QuizParser.parse("draft", "draft.yaml", d.yaml());
        assertThat(parsed).isInstanceOf(QuizParser.Parsed.class);
        assertThat(((QuizParser.Parsed) parsed).quiz().questions()).hasSize(d.questions().size());
        assertThat(d.yaml()).doesNotContain("source");
    }

    @Test
    void markdownStepsBecomeAnOrderQuestionAndDefinitionsTypedAnswers() throws IOException {
        Draft d = draft("photosynthesis.md");
        assertThat(d.sections()).extracting(Draft.SectionSummary::heading).containsExactly("Photosynthesis",
                "Where it happens", "The light-dependent stage", "The Calvin cycle", "Limiting factors",
                "History of discovery", "Questions to discuss");
        assertThat(d.counts().get("order")).isEqualTo(2);
        assertThat(d.counts()).containsKeys("single", "truefalse", "type", "number", "poll");
        Map<String, Object> steps = d.questions().stream().filter(q -> q.rule().equals("steps"))
                .map(Draft.DraftQuestion::question).findFirst().orElseThrow();
        assertThat(steps.get("text")).isEqualTo("Put these steps in order: The light-dependent stage.");
        assertThat(QuizParser.parse("bio", "bio.yaml", d.yaml())).isInstanceOf(QuizParser.Parsed.class);
    }

    @Test
    void theSameNotesAlwaysGiveTheSameDraft() throws IOException {
        Draft a = draft("industrial-revolution.txt");
        Draft b = draft("industrial-revolution.txt");
        assertThat(b.yaml()).isEqualTo(a.yaml());
        assertThat(b).isEqualTo(a);
    }

    @Test
    void notesWithNothingToAskGiveAClearError() {
        var generator = new DraftGenerator(1 << 20, 30);
        var error = org.assertj.core.api.Assertions.catchThrowableOfType(NotesException.class,
                () -> generator.fromText("Home\nMenu\n1/2\n"));
        assertThat(error.code()).isEqualTo("NOTES_NO_TEXT");
    }
}
