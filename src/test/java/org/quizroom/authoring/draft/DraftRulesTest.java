package org.quizroom.authoring.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.QuestionType;

/** Each rule on a few lines of notes: the question, its answer and its distractors. */
class DraftRulesTest {

    private static Notes notes(String text) {
        return Notes.of(Outline.of(new NotesReader(1 << 20).readText(text), "Notes"));
    }

    private static List<Candidate> apply(Rule rule, String text) {
        return rule.apply(notes(text));
    }

    @Test
    void termBulletsAskForTheTermWithSiblingTermsAsDistractors() {
        List<Candidate> out = apply(new TermRule(), """
                Rocks

                • Igneous: formed when molten magma cools and hardens underground or at the surface.
                • Sedimentary: layers of grains pressed together over millions of years at the bottom of seas.
                • Metamorphic: changed by great heat and pressure deep below the ground.
                """);
        Candidate q = out.stream().filter(c -> c.rule().equals("term") && c.answers().equals(List.of("Igneous")))
                .findFirst().orElseThrow();
        assertThat(q.type()).isEqualTo(QuestionType.SINGLE);
        assertThat(q.text()).startsWith("Which term matches: “formed when molten magma cools");
        assertThat(q.choices()).containsExactlyInAnyOrder("Igneous", "Sedimentary", "Metamorphic");
        assertThat(q.section()).isEqualTo("Rocks");
        assertThat(q.source()).startsWith("Igneous: formed");

        Candidate reverse = out.stream().filter(c -> c.rule().equals("term-reverse")
                && c.text().equals("Which describes “Sedimentary”?")).findFirst().orElseThrow();
        assertThat(reverse.answers().get(0)).startsWith("Layers of grains pressed together");
        assertThat(reverse.choices()).hasSize(3).anyMatch(c -> c.startsWith("Changed by great heat"));
    }

    @Test
    void yearsBecomeNumberQuestionsAndRangesAskForStartAndEnd() {
        List<Candidate> out = apply(new YearRule(), """
                Exploration

                The voyage reached the Pacific after the Magellan Expedition of 1519 set out from Seville.
                The Thirty Years War from 1618 to 1648 ruined much of central Europe.
                """);
        assertThat(out).extracting(Candidate::text).contains(
                "In which year was the Magellan Expedition?",
                "In which year did the Thirty Years War begin?",
                "In which year did the Thirty Years War end?");
        Candidate magellan = out.stream().filter(c -> c.text().contains("Magellan")).findFirst().orElseThrow();
        assertThat(magellan.type()).isEqualTo(QuestionType.NUMBER);
        assertThat(magellan.answers()).containsExactly("1519");
        assertThat(magellan.toQuizMap()).containsEntry("answer", 1519).containsEntry("tolerance", 0);
        assertThat(out.stream().filter(c -> c.text().endsWith("end?")).findFirst().orElseThrow().answers())
                .containsExactly("1648");
    }

    @Test
    void aNameAfterByIsWhoActedNotTheDatedEvent() {
        List<Candidate> out = apply(new YearRule(), """
                Astronomers

                  • Nicolaus Copernicus: A Polish canon who published his Sun-centred system in 1543.
                  • Galileo Galilei: An Italian professor who turned a telescope on Jupiter and saw four moons.

                Frequently Asked Questions

                Why did the Church object to Galileo?

                Galileo argued openly that the Earth moves around the Sun.

                Did Copernicus prove that the Earth moves?

                Copernicus offered a tidier system but no direct proof; the telescope evidence gathered by Galileo in 1610 made the case far stronger.
                """);
        assertThat(out).extracting(Candidate::text).doesNotContain("In which year was Galileo?")
                .contains("In which year was the telescope evidence gathered by Galileo?");
    }

    @Test
    void threeDatedEventsInASectionMakeATimelineEarliestFirst() {
        List<Candidate> out = apply(new TimelineRule(), """
                Reform Acts

                The Great Reform Act of 1832 gave more men the vote. Later the Second Reform Act of 1867
                doubled the electorate. The Secret Ballot Act of 1872 ended open voting.
                """);
        assertThat(out).hasSize(1);
        Candidate q = out.get(0);
        assertThat(q.type()).isEqualTo(QuestionType.ORDER);
        assertThat(q.answers()).containsExactly("Great Reform Act", "Second Reform Act", "Secret Ballot Act");
        assertThat(q.section()).isEqualTo("Reform Acts");
    }

    @Test
    void namesAreBlankedWithOtherNamesOfTheSameKindAsDistractors() {
        List<Candidate> out = apply(new NameRule(), """
                Scientists

                Marie Curie discovered polonium with her husband in a small shed in Paris.
                Curie later won a second Nobel Prize for her work.
                Isaac Newton described gravity. Newton also built a reflecting telescope.
                Charles Darwin sailed on the Beagle. Darwin wrote about natural selection.
                """);
        Candidate q = out.stream().filter(c -> c.answers().equals(List.of("Marie Curie"))).findFirst().orElseThrow();
        assertThat(q.text()).isEqualTo("Who fits the gap? “___ discovered polonium with her husband in a small shed in Paris”");
        assertThat(q.choices()).containsExactlyInAnyOrder("Marie Curie", "Isaac Newton", "Charles Darwin");
        Candidate surname = out.stream().filter(c -> c.source().startsWith("Curie later")).findFirst().orElseThrow();
        assertThat(surname.text()).contains("“___ later won a second Nobel Prize");
        assertThat(surname.answers()).containsExactly("Marie Curie");
    }

    @Test
    void definitionsBecomeTypedAnswersWithSpellingVariants() {
        List<Candidate> out = apply(new DefinitionRule(), """
                Cells

                Osmosis is the movement of water across a partially permeable membrane.
                The World Health Organization (WHO) tracks outbreaks of disease.
                """);
        Candidate osmosis = out.stream().filter(c -> c.answers().contains("Osmosis")).findFirst().orElseThrow();
        assertThat(osmosis.type()).isEqualTo(QuestionType.TYPE);
        assertThat(osmosis.text()).isEqualTo("Which term means: “the movement of water across a partially permeable membrane”");
        Candidate who = out.stream().filter(c -> c.text().equals("What does WHO stand for?")).findFirst().orElseThrow();
        assertThat(who.answers()).contains("World Health Organization", "World Health Organisation");
    }

    @Test
    void spellingVariantsCoverBritishAmericanHyphensAndArticles() {
        assertThat(Text.variants("De-Stalinisation")).contains("De-Stalinisation", "De-Stalinization",
                "De Stalinisation", "DeStalinisation");
        assertThat(Text.variants("the colour wheel")).contains("colour wheel", "color wheel", "the colour wheel");
        assertThat(Text.variants("water table")).containsExactly("water table");
    }

    @Test
    void statementsAreTrueFromTheTextOrFalseBySwappingAYearOrAName() {
        List<Candidate> out = apply(new StatementRule(), """
                FAQ

                The Battle of Hastings took place in 1066 near the town of Battle. The Norman Conquest changed
                English law. William the Conqueror was crowned in London on Christmas Day. Domesday Book
                recorded land across England in 1086.
                """);
        assertThat(out).isNotEmpty();
        Candidate first = out.get(0);
        assertThat(first.type()).isEqualTo(QuestionType.TRUEFALSE);
        assertThat(first.answers()).containsExactly("false");
        assertThat(first.text()).isEqualTo("The Battle of Hastings took place in 1086 near the town of Battle.");
        assertThat(out).anyMatch(c -> c.answers().equals(List.of("true")));
        assertThat(out).noneMatch(c -> c.text().matches("(?i).*\\b(never|always)\\b.*"));
    }

    @Test
    void theNotesOwnPracticeQuestionsBecomePolls() {
        List<Candidate> out = apply(new PromptRule(), """
                Practice Questions

                Evaluate the effectiveness of the Poor Law in reducing poverty.

                The Poor Law of 1834 made workhouses deliberately harsh, and relief outside them was cut.
                """);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).type()).isEqualTo(QuestionType.POLL);
        assertThat(out.get(0).text()).isEqualTo("Evaluate the effectiveness of the Poor Law in reducing poverty.");
        assertThat(out.get(0).choices()).containsExactly("Very effective", "Partly effective", "Not effective",
                "Not sure yet");
    }

    @Test
    void numberedStepsBecomeAnOrderQuestion() {
        List<Candidate> out = apply(new StepsRule(), """
                # Making a salt

                1. Warm the dilute acid in a beaker.
                2. Add the insoluble base a little at a time until no more dissolves.
                3. Filter off the excess base.
                4. Heat the solution gently to crystallise the salt.
                """);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).answers()).containsExactly("Warm the dilute acid in a beaker",
                "Add the insoluble base a little at a time until no more…", "Filter off the excess base",
                "Heat the solution gently to crystallise the salt");
        assertThat(out.get(0).text()).isEqualTo("Put these steps in order: Making a salt.");
    }

    @Test
    void stemsAreCutAtAClauseBoundary() {
        String cut = Text.cut("The committee met in the old hall every Thursday evening for three years, "
                + "which gave members time to draft the new rules before the election", 100);
        assertThat(cut).isEqualTo("The committee met in the old hall every Thursday evening for three years");
    }

    @Test
    void clutterIsDroppedByShapeNotByWords() {
        var outline = Outline.of(new NotesReader(1 << 20).readText("""
                SiteName logo
                Home
                Volcanoes

                Magma rises through cracks in the crust and erupts as lava at the surface.

                Subscribe to our newsletter
                Please fill out the form and we'll call you back.
                2/5
                Share this page
                """), "Notes");
        assertThat(outline.sections()).extracting(Outline.Section::heading).containsExactly("Volcanoes");
        assertThat(outline.sections().get(0).blocks()).extracting(NotesBlock::text)
                .containsExactly("Magma rises through cracks in the crust and erupts as lava at the surface.");
    }
}
