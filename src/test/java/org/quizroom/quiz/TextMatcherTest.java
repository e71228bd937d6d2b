package org.quizroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Typed answers: what a fair marker forgives and what it must not (issue 11's examples). */
class TextMatcherTest {

    private static TextMatcher.Match match(String given, String... accepted) {
        return TextMatcher.match(given, List.of(accepted), List.of(), true);
    }

    @ParameterizedTest(name = "{0} is accepted as {1}")
    @CsvSource({
            "peaceful coexistance, peaceful coexistence",
            "peacefull coexistence, peaceful coexistence",
            "Khrushchevs thaw, Khrushchev thaw",
            "Krushchev, Khrushchev",
            "Khruschev, Khrushchev",
            "Stailn, Stalin",      // a swap of two neighbours is one slip (Damerau)
            "destalinisations, de-Stalinisation",
    })
    void smallSlipsAreForgivenAndNamed(String given, String accepted) {
        assertThat(match(given, accepted)).isEqualTo(new TextMatcher.Match(true, accepted));
    }

    @Test
    void leadingArticlesAreIgnoredOnBothSides() {
        assertThat(match("the Non-Aligned Movement", "Non-Aligned Movement")).isEqualTo(new TextMatcher.Match(true, null));
        assertThat(match("Thaw", "The Thaw").correct()).isTrue();
        assertThat(match("an Iron Curtain", "Iron Curtain").correct()).isTrue();
        assertThat(match("Theocracy", "Ocracy").correct()).as("only a whole leading word is an article").isFalse();
    }

    @ParameterizedTest(name = "{0} matches {1} exactly")
    @CsvSource({
            "Lech Walesa, Lech Wałęsa",
            "Lodz, Łódź",
            "LODZ, Łódź",
            "Gdansk, Gdańsk",
            "Oresund, Øresund",
            "Dakovo, Đakovo",
            "STRASSE, Straße",
            "Aero, Ærø",
            "Khrushchev, KHRUSHCHËV",
    })
    void letterVariantsAndFullCaseFoldingMatchExactly(String given, String accepted) {
        assertThat(match(given, accepted)).isEqualTo(new TextMatcher.Match(true, null));
        assertThat(TextMatcher.match(given, List.of(accepted), List.of(), false).correct())
                .as("no tolerance is needed for this").isTrue();
    }

    @Test
    void theFoldedFormMatchesAPrimaryStrengthCollator() {
        var collator = com.ibm.icu.text.Collator.getInstance(com.ibm.icu.util.ULocale.ROOT);
        collator.setStrength(com.ibm.icu.text.Collator.PRIMARY);
        for (String[] pair : new String[][] {{"Lech Walesa", "Lech Wałęsa"}, {"Lodz", "Łódź"}, {"strasse", "STRASSE"}}) {
            assertThat(collator.compare(pair[0], pair[1])).isZero();
            assertThat(TextMatcher.key(pair[0])).isEqualTo(TextMatcher.key(pair[1]));
        }
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource({
            "C, C++",
            "C++, C",
            "C, C#",
            "5, -5",
            "-5, 5",
            "5, 5%",
    })
    void symbolsAndSignsCountWhenTheyAreTheWholeDifference(String given, String accepted) {
        assertThat(match(given, accepted).correct()).isFalse();
    }

    @Test
    void punctuationThatChangesNothingIsIgnoredAndSymbolsOnBothSidesMatch() {
        assertThat(match("c ++", "C++").correct()).isTrue();
        assertThat(match("U2", "U-2").correct()).isTrue();
        assertThat(match("de.stalinisation!", "de-Stalinisation").correct()).isTrue();
        assertThat(match("−5", "-5").correct()).as("a typographic minus is a minus").isTrue();
        assertThat(match("Objective C++", "Objective-C++").correct()).isTrue();
    }

    @Test
    void shortAnswersGetNoTolerance() {
        assertThat(match("Mai", "Mao").correct()).isFalse();
        assertThat(match("Tito", "Tita").correct()).isFalse();
        assertThat(TextMatcher.tolerance("Mao")).isZero();
        assertThat(TextMatcher.tolerance("Beria")).isEqualTo(1);
        assertThat(TextMatcher.tolerance("Eisenhower")).isEqualTo(2);
    }

    @Test
    void numbersWrittenAsWordsGetNoTolerance() {
        assertThat(TextMatcher.tolerance("seventeen")).isZero();
        assertThat(TextMatcher.tolerance("twenty-one")).isZero();
        assertThat(match("seventy", "seventeen").correct()).isFalse();
        assertThat(match("sixteen", "seventeen").correct()).isFalse();
    }

    @Test
    void digitsAreNeverPartOfAForgivenSlip() {
        assertThat(match("Treaty of 1956", "Treaty of 1955").correct()).isFalse();
        assertThat(match("Traety of 1955", "Treaty of 1955").correct()).isTrue();
    }

    @Test
    void slipsBeyondTheToleranceAreWrong() {
        assertThat(match("Khrshchv", "Khrushchev").correct()).as("two separate letters missing from 10").isTrue();
        assertThat(match("Khrushch", "Khrushchev").correct()).as("a dropped ending is not a typo").isFalse();
        assertThat(match("Khrush", "Khrushchev").correct()).isFalse();
        assertThat(match("Bulgaria", "Bulganin").correct()).as("2 slips for an 8-letter answer").isFalse();
        assertThat(match("", "Khrushchev").correct()).isFalse();
        assertThat(match("---", "Khrushchev").correct()).isFalse();
    }

    @Test
    void fuzzyFalseTurnsToleranceOff() {
        assertThat(TextMatcher.match("peaceful coexistance", List.of("peaceful coexistence"), List.of(), false).correct())
                .isFalse();
        assertThat(TextMatcher.match("Peaceful Coexistence", List.of("peaceful coexistence"), List.of(), false).correct())
                .isTrue();
    }

    @Test
    void aRejectedNearMissIsWrongEvenWithinTolerance() {
        List<String> accepted = List.of("de-Stalinisation");
        assertThat(TextMatcher.match("destalinisaton", accepted, List.of(), true).correct()).isTrue();
        assertThat(TextMatcher.match("stalinisation", accepted, List.of(), true).correct())
                .as("a dropped prefix is a different word, even without reject").isFalse();
        assertThat(TextMatcher.match("stalinisation", accepted, List.of("Stalinisation"), true).correct()).isFalse();
        assertThat(TextMatcher.match("stalinisaton", accepted, List.of("Stalinisation"), true).correct())
                .as("nearer the reject than the key").isFalse();
        assertThat(TextMatcher.match("destalinisaton", accepted, List.of("Stalinisation"), true).correct())
                .as("nearer the key than the reject").isTrue();
    }

    @Test
    void collectivisationIsNotCollectiveLeadership() {
        List<String> accepted = List.of("collective leadership");
        assertThat(TextMatcher.match("collectivisation", accepted, List.of("collectivisation"), true).correct()).isFalse();
        assertThat(TextMatcher.match("colective leadership", accepted, List.of("collectivisation"), true))
                .isEqualTo(new TextMatcher.Match(true, "collective leadership"));
    }

    @Test
    void theNearestAcceptedFormIsNamed() {
        assertThat(match("Non-Alligned Movement", "NAM", "Non-Aligned Movement").toleratedAs())
                .isEqualTo("Non-Aligned Movement");
    }

    @Test
    void theDistanceCountsASwapAsOneEdit() {
        assertThat(TextMatcher.distance("ab", "ba")).isEqualTo(1);
        assertThat(TextMatcher.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(TextMatcher.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void differOnlyBySymbolsSpotsCAndCPlusPlus() {
        assertThat(TextMatcher.differOnlyBySymbols("C", "C++")).isTrue();
        assertThat(TextMatcher.differOnlyBySymbols("C++", "c ++")).isFalse();
        assertThat(TextMatcher.differOnlyBySymbols("C", "D")).isFalse();
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource({
            // the fresh tester's two: a word missing its prefix, a word with another first letter
            "existence, coexistence",
            "peaceful existence, peaceful coexistence",
            "collective readership, collective leadership",
            // a whole word missing, or one extra
            "coexistence, peaceful coexistence",
            "leadership, collective leadership",
            "War, Cold War",
            "Bay Pigs, Bay of Pigs",
            "peaceful coexistence policy, peaceful coexistence",
            "collective leadership model, collective leadership",
            // the words swapped
            "coexistence peaceful, peaceful coexistence",
            "leadership collective, collective leadership",
            // a real prefix or ending added or dropped
            "stalinisation, de-Stalinisation",
            "coexist, coexistence",
            "leader, leadership",
            "leaderships of, leadership",
            "Khrushchevism, Khrushchev",
            "nonalignment, alignment",
            "unaligned movement, non-aligned movement",
            // another number, in digits or words
            "Treaty of 1956, Treaty of 1955",
            "Treaty of 19555, Treaty of 1955",
            "Fifteen Points, Fourteen Points",
            "fourteenth points, Fourteen Points",
    })
    void aDifferentMissingOrExtraWordIsNeverASlip(String given, String accepted) {
        assertThat(match(given, accepted).correct()).isFalse();
    }

    @ParameterizedTest(name = "{0} is a typo of {1}")
    @CsvSource({
            "peaceful coexistance, peaceful coexistence",   // a wrong letter
            "peacful coexistence, peaceful coexistence",    // a missing letter
            "peacefull coexistence, peaceful coexistence",  // a doubled letter
            "paeceful coexistecne, peaceful coexistence",   // two neighbours swapped, in each word
            "colective leadreship, collective leadership",
            "peacefulcoexistance, peaceful coexistence",    // a space missing as well
            "co existance, coexistence",                    // a space added as well
            "Khrushchev's thaw, Khrushchevs thaw",          // an apostrophe changes nothing
            "Fourteen Pionts, Fourteen Points",
    })
    void typosInsideWordsAreStillForgiven(String given, String accepted) {
        assertThat(match(given, accepted).correct()).isTrue();
    }

    @Test
    void eachWordIsJudgedByItsOwnLength() {
        assertThat(match("Cold Wat", "Cold War").correct()).as("War has 3 letters: no slip").isFalse();
        assertThat(match("Cild War", "Cold War").correct()).isFalse();
        assertThat(match("Bay of Pigz", "Bay of Pigs").correct()).isFalse();
        assertThat(match("peaceful coexistnce", "peaceful coexistence").correct()).isTrue();
        assertThat(match("peacefl coexstnce", "peaceful coexistence").correct())
                .as("1 slip in an 8-letter word, 2 in an 11-letter one").isTrue();
        assertThat(match("pecefl coexistence", "peaceful coexistence").correct())
                .as("2 slips in an 8-letter word").isFalse();
    }
}
