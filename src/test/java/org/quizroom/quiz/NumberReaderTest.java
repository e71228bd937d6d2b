package org.quizroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The number rule documented in docs/quiz-format.md, one example per clause. */
class NumberReaderTest {

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "1953|1953",
            "1,953|1953",
            "2,5|2.5",
            "0,125|0.125",
            "1,9535|1.9535",
            "1 953|1953",
            "1\u00a0953|1953",
            "1\u202f953|1953",
            "1'953|1953",
            "1.953,5|1953.5",
            "1,953.5|1953.5",
            "1,000,000|1000000",
            "1.000.000|1000000",
            "1.953|1.953",
            "3.14|3.14",
            "-12|-12",
            "\u221212,5|-12.5",
            "+7|7",
            ",5|0.5",
            "１９５３|1953",
            "١٩٥٣|1953",
            "  1953  |1953",
            "12 345,678|12345.678",
    })
    void readsTheNumberAStudentMeant(String typed, double expected) {
        assertThat(NumberReader.read(typed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "19,53.5", "1,95,3", "1.953.5,5,5", "1e5", "--5", "12a", "1 95", "1953 AD",
            "1,2,3", "-", "1..2"})
    void refusesWhatItCannotReadSensibly(String typed) {
        assertThatThrownBy(() -> NumberReader.read(typed)).isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("number");
    }

    @ParameterizedTest(name = "''{0}'' reads as {1} or {2}")
    @CsvSource(delimiter = '|', value = {
            "1.953|1.953|1953",
            "1,953|1953|1.953",
            "2,500|2500|2.5",
            "-1.953|-1.953|-1953",
            "１.９５３|1.953|1953",
    })
    void aLoneMarkBeforeThreeDigitsHasTwoReadings(String typed, double first, double other) {
        NumberReader.Reading reading = NumberReader.reading(typed);
        assertThat(reading.value()).isEqualTo(first);
        assertThat(reading.otherReading()).isEqualTo(other);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1953", "1.95", "0.953", "0,953", "1.9530", "1 953", "1,953.5", "1.000.000", "12.3456"})
    void everyOtherShapeHasOneReading(String typed) {
        NumberReader.Reading reading = NumberReader.reading(typed);
        assertThat(reading.otherReading()).isNull();
        assertThat(reading.value()).isEqualTo(NumberReader.read(typed));
    }

    /** What a mischievous student (or one who knows spreadsheets) types instead of a plain decimal. */
    @ParameterizedTest
    @ValueSource(strings = {"1e308", "1E308", "1e5", "1.5e3", "2e-3", "Infinity", "-Infinity", "infinity", "NaN",
            "nan", "\u221E", "0x10", "0X1F", "0b101", "0o17", "1_000", "1f", "1d", "5%", "½", "1/2", "2^10"})
    void exponentsSpecialValuesAndOtherBasesGetThePlainNumberHint(String typed) {
        assertThatThrownBy(() -> NumberReader.read(typed)).as(typed).isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("type a number like 1989 or 3.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000000", "-1000000000000000", "999999999999999999999", "1,000,000,000,000,000"})
    void numbersOfSixteenOrMoreDigitsAreTooBig(String typed) {
        assertThatThrownBy(() -> NumberReader.read(typed)).as(typed).isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("too big").hasMessageContaining("type a number like 1989 or 3.5");
    }

    @org.junit.jupiter.api.Test
    void aNumberOfHundredsOfDigitsIsTooBigAndNotEchoed() {
        String huge = "9".repeat(400);
        assertThatThrownBy(() -> NumberReader.read(huge)).isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("too big").hasMessageNotContaining("999999999999999999999");
        assertThatThrownBy(() -> NumberReader.read("0." + "1".repeat(400))).isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("type a number like 1989 or 3.5");
    }

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @CsvSource(delimiter = '|', value = {"999999999999999|999999999999999", "-999 999 999 999 999|-999999999999999",
            "0.000001|0.000001"})
    void theLargestAndSmallestPlainNumbersStillRead(String typed, double expected) {
        assertThat(NumberReader.read(typed)).isEqualTo(expected);
    }
}
