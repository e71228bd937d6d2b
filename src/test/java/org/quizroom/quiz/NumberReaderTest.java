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
}
