package org.quizroom.authoring.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * True/false statements from FAQ answers and their false versions: the key a teacher would accept
 * must be right. An answer's "No, …" or "Not quite: …" answers the question above it; what the
 * statement tests is the notes' own claim after it.
 */
class FaqStatementsTest {

    private static Notes notes(String text) {
        return Notes.of(Outline.of(new NotesReader(1 << 20).readText(text), "Notes"));
    }

    private static List<Candidate> statements(String text) {
        return new StatementRule().apply(notes(text));
    }

    /** An FAQ whose first answer starts with {@code opener}, then a plain answer with another year. */
    private static String faq(String answer) {
        return """
                Frequently Asked Questions

                Did the treaty end the Korean War?

                %s

                When did the fighting start?

                The North crossed the border in 1950 and took Seoul within days.
                """.formatted(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"No, the", "No. The", "Nope — the", "Not quite, the", "Not exactly: the", "Actually, the",
            "Actually the", "Never: the", "Only partly, the", "Actually, no: the", "In fact, the", "Yes, the"})
    void anAnswersOpenerIsDroppedAndTheNotesClaimIsWhatIsStated(String opener) {
        List<Candidate> out = statements(faq(opener + " armistice signed at Panmunjom in 1953 only paused the fighting."));

        // The first statement of the notes gets a false version: the armistice year swapped for the
        // notes' other year, so "false" is right. The second is stated as the notes say it: "true".
        assertThat(out).extracting(Candidate::text, Candidate::answers).containsExactly(
                tuple("The armistice signed at Panmunjom in 1950 only paused the fighting.",
                        List.of("false")),
                tuple("The North crossed the border in 1950 and took Seoul within days.",
                        List.of("true")));
        assertThat(out.get(0).source()).endsWith("armistice signed at Panmunjom in 1953 only paused the fighting.");
        assertThat(out.get(0).explanation()).isEqualTo("False. " + out.get(0).source());
    }

    @ParameterizedTest
    @ValueSource(strings = {"No, the", "Not quite, the", "Actually, the", "Nope, the", "Only partly: the", "Yes, the"})
    void theTrueStatementOfAnAnswerDropsItsOpenerToo(String opener) {
        // The answer is the second statement here, so it is stated as it is: true.
        List<Candidate> out = statements("""
                Frequently Asked Questions

                When did the fighting start?

                The North crossed the border in 1950 and took Seoul within days.

                Did the treaty end the Korean War?

                %s armistice signed at Panmunjom in 1953 only paused the fighting.
                """.formatted(opener));

        assertThat(out).filteredOn(c -> c.source().contains("Panmunjom")).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("The armistice signed at Panmunjom in 1953 only paused the fighting.");
            assertThat(c.answers()).containsExactly("true");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"No, it only paused the fighting until 1953.", "No it only paused the fighting until 1953.",
            "Not quite, it only paused the fighting until 1953.", "Not exactly; it paused the fighting until 1953.",
            "Actually, it only paused the fighting until 1953.", "Nope, it merely paused the fighting until 1953.",
            "Never, it only ever paused the fighting until 1953.", "Only partly, it paused the fighting until 1953.",
            "No, but the fighting stopped along the border in 1953.", "No, only the fighting stopped along the border in 1953.",
            "Yes, it stopped the fighting along the border in 1953."})
    void anAnswerThatOnlyMakesSenseAfterItsQuestionMakesNoStatement(String answer) {
        List<Candidate> out = statements(faq(answer));

        assertThat(out).extracting(Candidate::source)
                .containsExactly("The North crossed the border in 1950 and took Seoul within days.");
    }

    @Test
    void noAsAWordOfTheClaimStaysAndADenialGetsNoSwappedFalseVersion() {
        List<Candidate> out = statements("""
                After the War

                No peace treaty between the two Koreas has been signed since the armistice of 1953.

                The North crossed the border in 1950 and took Seoul within days.

                Britain did not send troops to Vietnam in 1965, unlike Australia.
                """);

        // Every other statement gets a false version, but "No peace treaty … since 1950" and "Britain did
        // not … in 1962" would be as true as the notes: denials are only stated, as true.
        assertThat(out).extracting(Candidate::text, Candidate::answers).containsExactly(
                tuple(
                        "No peace treaty between the two Koreas has been signed since the armistice of 1953.",
                        List.of("true")),
                tuple("The North crossed the border in 1950 and took Seoul within days.",
                        List.of("true")),
                tuple("Britain did not send troops to Vietnam in 1965, unlike Australia.",
                        List.of("true")));
    }

    @Test
    void aYearThatIsABoundOrARangeEndIsNotSwapped() {
        Notes notes = notes("""
                Rationing

                Rationing in Britain lasted until 1954. The Korean War of 1950–53 cost millions of lives.
                Food prices rose after 1945 across Europe. Stalin died in 1953.
                """);
        List<Integer> years = List.of(1945, 1950, 1953, 1954);

        // "… until 1950" would still be true of rationing that ended in 1954.
        assertThat(StatementRule.falseVersion("Rationing in Britain lasted until 1954.",
                "Rationing in Britain lasted until 1954.", notes, years)).isNull();
        // 1950–53 holds 1953 written short: "1953–53" is no false statement.
        assertThat(StatementRule.falseVersion("The Korean War of 1950–53 cost millions of lives.",
                "The Korean War of 1950–53 cost millions of lives.", notes, years)).isNull();
        // A plain year is swapped for a year the sentence does not name, three or more away from each.
        assertThat(StatementRule.falseVersion("Stalin died in 1953.", "Stalin died in 1953, as the war of 1950–53 wound down.",
                notes, years)).isEqualTo("Stalin died in 1945.");
    }

    @Test
    void aNameIsNotSwappedForOneTheSourceSentenceNamesOrASynonymOfItself() {
        Notes notes = notes("""
                Suez

                Rationing in Britain, unlike in France, lasted into the next decade.

                Ships of the United Kingdom (Britain) joined the blockade.

                Later, aid came from Canada, as before.
                """);

        // The statement was cut from a sentence that also names France: "France pulled …" would be true.
        String swapped = StatementRule.falseVersion("Britain pulled its troops out of Egypt.",
                "Britain pulled its troops out of Egypt, with France following a week later.", notes, List.of());
        // Nor the United Kingdom, which the notes give as Britain's other name.
        assertThat(swapped).isEqualTo("Canada pulled its troops out of Egypt.");

        // The other way round: Britain is the nearest place to the United Kingdom, but the same place.
        String synonym = StatementRule.falseVersion("The United Kingdom sent ships to Egypt.",
                "The United Kingdom sent ships to Egypt.", notes, List.of());
        assertThat(synonym).isNotNull().doesNotContain("Britain").doesNotContain("United Kingdom");

        // Named twice in one sentence: swapping one of the two names leaves the other telling the truth.
        assertThat(StatementRule.falseVersion("The United Kingdom (Britain) sent ships to Egypt.",
                "The United Kingdom (Britain) sent ships to Egypt.", notes, List.of())).isNull();
    }

    @Test
    void anFaqsYesNoQuestionVerbIsNotReadAsPartOfAName() {
        Notes notes = notes("""
                Frequently Asked Questions

                Did China join the war?

                China sent volunteers across the Yalu River in 1950 rather than declaring war.
                """);
        assertThat(notes.entities.keySet()).doesNotContain("Did China");
    }
}
