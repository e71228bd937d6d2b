package org.quizroom.authoring.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizroom.quiz.QuestionType;

/**
 * FAQ pairs written with labels ("Q: … / A: …"): each is the notes' own question with the notes'
 * own answer as its key, never a discussion poll, and no label reaches a stem, choice or
 * explanation.
 */
class FaqPairsTest {

    /** A label at the start of a text or after a sentence: what the teacher must never see in a question. */
    static final Pattern LABEL = Pattern.compile("(?i)(^|[.?!]\\s+|\\*\\*)(q|a|question|answer)\\s*\\d*\\s*(:|\\.\\s|\\s-\\s)");

    /**
     * Notes in the shape a teacher pastes: a title, Term: description bullets, and a labelled FAQ
     * whose questions do not name a term (a stem naming one would give that term's question away,
     * and the ranker would rightly keep only one of the two).
     */
    static String volcanoNotes() {
        return """
                # How Volcanoes Work
                ## Key terms
                - Magma: molten rock stored beneath the surface
                - Lava: molten rock once it has reached the open air
                - Ash: tiny fragments of shattered rock blasted into the sky
                ## FAQ
                Q: Can a dormant volcano erupt again?
                A: Yes, a dormant volcano may wake after centuries of quiet.
                Q: Does molten rock always creep along slowly?
                A: No, it can race downhill on steep slopes.
                Q: What pushes molten rock up towards the surface?
                A: Trapped gas.
                Q: Which word names molten rock that has reached the open air?
                A: Lava.
                """;
    }

    private static Notes notes(String text) {
        return Notes.of(Outline.of(new NotesReader(1 << 20).readText(text), "Notes"));
    }

    private static Notes markdown(String text) {
        return Notes.of(Outline.of(new NotesReader(1 << 20).read("notes.md", text.getBytes(StandardCharsets.UTF_8)),
                "Notes"));
    }

    private static List<Candidate> faq(Notes notes) {
        return new FaqRule().apply(notes);
    }

    private static List<String> shown(Candidate c) {
        List<String> out = new ArrayList<>(List.of(c.text()));
        out.addAll(c.choices());
        if (c.type() == QuestionType.SINGLE || c.type() == QuestionType.TYPE) {
            out.addAll(c.answers());
        }
        if (c.explanation() != null) {
            out.add(c.explanation());
        }
        return out;
    }

    @Test
    void eachPairIsAskedWithItsOwnAnswerAsTheKey() {
        Notes notes = notes(volcanoNotes());

        assertThat(faq(notes)).extracting(Candidate::type, Candidate::text, Candidate::answers).containsExactly(
                tuple(QuestionType.SINGLE, "Can a dormant volcano erupt again?", List.of("Yes")),
                tuple(QuestionType.SINGLE, "Does molten rock always creep along slowly?", List.of("No")),
                tuple(QuestionType.TYPE, "What pushes molten rock up towards the surface?", List.of("Trapped gas")),
                tuple(QuestionType.SINGLE, "Which word names molten rock that has reached the open air?",
                        List.of("Lava")));
        List<Candidate> out = faq(notes);
        assertThat(out.get(0).choices()).containsExactly("Yes", "No");
        assertThat(out.get(1).explanation()).isEqualTo("No, it can race downhill on steep slopes.");
        // The answer is a term of the notes' list: its sibling terms are the distractors.
        assertThat(out.get(3).choices()).containsExactlyInAnyOrder("Lava", "Magma", "Ash");
        assertThat(out).allSatisfy(c -> {
            assertThat(c.section()).isEqualTo("FAQ");
            assertThat(c.rule()).isEqualTo("faq");
            assertThat(shown(c)).noneMatch(s -> LABEL.matcher(s).find());
        });
    }

    @Test
    void aPairIsNoPollAndItsAnswerIsStatedWithoutLabelOrOpener() {
        Notes notes = notes(volcanoNotes());

        assertThat(new PromptRule().apply(notes)).isEmpty();
        // "Yes, a dormant volcano …" states its claim; "No, it can race …" leans on its question: no statement.
        List<Candidate> statements = new StatementRule().apply(notes);
        assertThat(statements).extracting(Candidate::text)
                .containsExactly("A dormant volcano may wake after centuries of quiet.");
        assertThat(statements.get(0).answers()).containsExactly("true");
        assertThat(statements.get(0).explanation()).isEqualTo("True. A dormant volcano may wake after centuries of quiet.");
        // Same pair, same source: the ranker never proposes both the statement and the pair's own question.
        Candidate yesNo = faq(notes).get(0);
        assertThat(Ranker.conflicts(statements.get(0), yesNo)).isTrue();
        // No rule at all shows a label.
        assertThat(DraftGenerator.candidates(notes)).allSatisfy(c ->
                assertThat(shown(c)).as(c.rule()).noneMatch(s -> LABEL.matcher(s).find()));
    }

    @ParameterizedTest(name = "{0} … {1} (markdown: {2})")
    @CsvSource(delimiter = '|', value = {
            "Q:|A:|false", "Q.|A.|false", "Q -|A -|false", "Q –|A –|false", "**Q:**|**A:**|false",
            "**Q:**|**A:**|true", "Question:|Answer:|false", "Question 2:|Answer 2:|true", "Q2)|A2)|false",
            "q:|a:|false", "Q:|Ans:|true", "- Q:|- A:|false", "• Q.|• A.|false"})
    void everyWayOfWritingTheLabelsGivesTheSameQuestion(String q, String a, boolean md) {
        String text = """
                Tides

                The sea rises and falls twice a day along most coasts.

                %s What pulls on the oceans to make the tides?
                %s The Moon.
                %s Does the sea rise at the same hour every day?
                %s No, high tide comes roughly fifty minutes later each day.
                """.formatted(q, a, q, a);
        Notes notes = md ? markdown(text) : notes(text);

        List<Candidate> out = faq(notes);
        assertThat(out).extracting(Candidate::type, Candidate::text).containsExactly(
                tuple(QuestionType.TYPE, "What pulls on the oceans to make the tides?"),
                tuple(QuestionType.SINGLE, "Does the sea rise at the same hour every day?"));
        assertThat(out.get(0).answers()).contains("Moon", "The Moon");
        assertThat(out.get(1).answers()).containsExactly("No");
        assertThat(new StatementRule().apply(notes)).extracting(Candidate::text)
                .contains("High tide comes roughly fifty minutes later each day.");
        assertThat(new PromptRule().apply(notes)).isEmpty();
        assertThat(DraftGenerator.candidates(notes)).allSatisfy(c ->
                assertThat(shown(c)).as(c.rule()).noneMatch(s -> LABEL.matcher(s).find()));
    }

    @Test
    void pairsWorkWithoutAnFaqHeadingAndInOneLine() {
        Notes notes = notes("""
                Tides

                The sea rises and falls twice a day along most coasts.

                Q: What pulls on the oceans to make the tides? A: The Moon.
                Q: Name the tide with the greatest range A: A spring tide.
                """);

        assertThat(faq(notes)).extracting(Candidate::type, Candidate::text, Candidate::section).containsExactly(
                tuple(QuestionType.TYPE, "What pulls on the oceans to make the tides?", "Tides"),
                tuple(QuestionType.TYPE, "Name the tide with the greatest range.", "Tides"));
        assertThat(faq(notes).get(1).answers()).contains("spring tide", "A spring tide");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Frequently asked questions", "Frequently Asked Questions", "FAQ", "Common questions:",
            "Your questions answered"})
    void anFaqHeadingOverLabelledPairsIsASectionInPlainText(String heading) {
        Outline outline = Outline.of(new NotesReader(1 << 20).readText("""
                Tides

                The sea rises and falls twice a day along most coasts.

                %s
                Q: What pulls on the oceans to make the tides?
                A: The Moon.
                Q: Does the sea rise at the same hour every day?
                A: No.
                Q: Do tides happen in lakes?
                A: No.
                """.formatted(heading)), "Notes");

        assertThat(outline.sections()).extracting(Outline.Section::heading)
                .containsExactly("Tides", heading.replace(":", ""));
        // Short and repeated as they are, the answers are content, not page clutter.
        assertThat(outline.sections().get(1).blocks()).extracting(NotesBlock::text).containsExactly(
                "Q: What pulls on the oceans to make the tides?", "A: The Moon.",
                "Q: Does the sea rise at the same hour every day?", "A: No.", "Q: Do tides happen in lakes?", "A: No.");
        assertThat(faq(Notes.of(outline))).extracting(Candidate::answers)
                .containsExactly(List.of("Moon", "The Moon"), List.of("No"), List.of("No"));
        // Two questions answered "No" share a key, not a fact: the ranker may keep both.
        List<Candidate> out = faq(Notes.of(outline));
        assertThat(Ranker.conflicts(out.get(1), out.get(2))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Roald Amundsen.", "Amundsen", "**Roald Amundsen**"})
    void aNamedAnswerGetsOtherNamesOfItsKindAsDistractors(String answer) {
        List<Candidate> out = faq(notes("""
                Polar Explorers

                Roald Amundsen reached the pole with dog teams and skis. Amundsen had trained for years in the cold.
                Robert Scott arrived five weeks later. Scott and his men died on the march home.
                Ernest Shackleton turned back short of the pole. Later the pack ice crushed the ship of Shackleton.

                Q: Who planted the first flag at the pole?
                A: %s
                """.formatted(answer)));

        assertThat(out).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(QuestionType.SINGLE);
            assertThat(c.text()).isEqualTo("Who planted the first flag at the pole?");
            // The surname alone is the same person: the key is the full name, the others are the distractors.
            assertThat(c.answers()).containsExactly("Roald Amundsen");
            assertThat(c.choices()).containsExactlyInAnyOrder("Roald Amundsen", "Robert Scott", "Ernest Shackleton");
        });
    }

    @Test
    void pairsInAWordFileAreAskedToo() throws Exception {
        Draft d = new DraftGenerator(1 << 20, DraftGenerator.DEFAULT_TARGET).fromFile("tides.docx",
                TestDocuments.wordNotes("Title: Tides", "H1: Questions and answers",
                        "The sea rises and falls twice a day along most coasts.",
                        "Q: What pulls on the oceans to make the tides?", "A: The Moon.",
                        "Q: Does the sea rise at the same hour every day?", "A: No."));

        assertThat(d.questions()).filteredOn(q -> q.rule().equals("faq"))
                .extracting(q -> q.question().get("text"), q -> q.question().get("type"))
                .containsExactly(tuple("What pulls on the oceans to make the tides?", "type"),
                        tuple("Does the sea rise at the same hour every day?", "single"));
        // Yes before No, as a teacher writes them, though the key is No (other keys are moved to balance slots).
        assertThat(d.questions()).filteredOn(q -> q.rule().equals("faq") && q.question().get("type").equals("single"))
                .singleElement().satisfies(q -> {
                    assertThat(q.question().get("choices")).isEqualTo(List.of("Yes", "No"));
                    assertThat(q.question().get("answer")).isEqualTo("No");
                });
        assertThat(d.counts()).doesNotContainKey("poll");
    }

    @Test
    void aYearOrACountIsANumberQuestion() {
        List<Candidate> out = faq(notes("""
                Krakatoa

                Q: When did Krakatoa erupt with a blast heard thousands of kilometres away?
                A: In 1883.
                Q: How many main cones did the old island have?
                A: Three.
                """));

        assertThat(out).extracting(Candidate::type, Candidate::answers).containsExactly(
                tuple(QuestionType.NUMBER, List.of("1883")), tuple(QuestionType.NUMBER, List.of("3")));
        assertThat(out.get(0).toQuizMap()).containsEntry("answer", 1883).containsEntry("tolerance", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Neither yes nor no: a key would be a guess.
            "Q: Is a volcano just a mountain?\nA: Not quite, it is an opening in the crust.",
            "Q: Is a volcano just a mountain?\nA: Partly: the mountain is built by its own eruptions.",
            // Alternatives, not yes/no; the answer picks one.
            "Q: Is basalt igneous or metamorphic?\nA: Igneous.",
            // A long answer is no short key; it leans on its question, so it is no statement either.
            "Q: Why do some volcanoes explode?\nA: Because sticky magma traps gas until the pressure wins.",
            // The question gives its own answer away.
            "Q: What does volcanic ash fall as?\nA: Ash."})
    void anUnclearKeyMakesNoQuestionAndNoPoll(String pair) {
        Notes notes = notes("Volcanoes\n\nMost volcanoes sit where plates of the crust meet or part.\n\n" + pair + "\n");

        assertThat(faq(notes)).isEmpty();
        assertThat(new PromptRule().apply(notes)).isEmpty();
        assertThat(DraftGenerator.candidates(notes)).allSatisfy(c ->
                assertThat(shown(c)).as(c.rule()).noneMatch(s -> LABEL.matcher(s).find()));
    }

    @Test
    void aQuestionWithoutAnAnswerIsAPracticePromptWithoutItsLabel() {
        List<Candidate> out = new PromptRule().apply(notes("""
                Practice

                Most volcanoes sit where plates of the crust meet or part.

                Q: Explain why some eruptions are far more explosive than others.
                """));

        assertThat(out).extracting(Candidate::text)
                .containsExactly("Explain why some eruptions are far more explosive than others.");
    }

    @Test
    void anUnlabelledQuestionAnsweredWithALabelIsAPairToo() {
        Notes notes = notes("""
                Volcanoes

                Most volcanoes sit where plates of the crust meet or part.

                Does lava cool quickly when it meets the sea?
                A: Yes, it hardens into rounded pillow shapes.
                """);

        assertThat(faq(notes)).extracting(Candidate::text, Candidate::answers)
                .containsExactly(tuple("Does lava cool quickly when it meets the sea?", List.of("Yes")));
        assertThat(new PromptRule().apply(notes)).isEmpty();
    }

    @Test
    void aPastedDraftAsksThePairsAndIsTheSameEveryTime() {
        DraftGenerator generator = new DraftGenerator(1 << 20, DraftGenerator.DEFAULT_TARGET);
        byte[] pasted = volcanoNotes().getBytes(StandardCharsets.UTF_8);
        Draft d = generator.fromPasted(pasted);

        assertThat(d.title()).isEqualTo("How Volcanoes Work");
        assertThat(d.sections()).extracting(Draft.SectionSummary::heading).containsExactly("Key terms", "FAQ");
        assertThat(d.questions()).extracting(q -> q.question().get("text")).contains(
                "Can a dormant volcano erupt again?", "Does molten rock always creep along slowly?",
                "What pushes molten rock up towards the surface?");
        assertThat(d.counts()).doesNotContainKey("poll");
        assertThat(d.yaml()).doesNotContainPattern("(?m)(text|explanation): ['\"]?(Q|A|Question|Answer)\\s*[:.-]");
        assertThat(generator.fromPasted(pasted)).isEqualTo(d);
    }
}
