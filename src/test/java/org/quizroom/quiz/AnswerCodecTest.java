package org.quizroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Number answers that arrive as JSON numbers (a script, not the phone) obey the same range as typed ones. */
class AnswerCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e308", "-1e308", "1E16", "1000000000000000", "1e15",
            "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
                    + "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
                    + "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
            "1e400"})
    void hugeJsonNumbersAreRefusedAndNeverBecomeAnAnswer(String number) {
        assertThatThrownBy(() -> AnswerCodec.read(json(number), QuestionType.NUMBER)).as(number)
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("too big").hasMessageContaining("type a number like 1989 or 3.5");
    }

    @Test
    void ordinaryJsonNumbersAndTypedTextAreStillAnswers() throws Exception {
        assertThat(AnswerCodec.read(json("8"), QuestionType.NUMBER)).isEqualTo(new Answer.Numeric(8));
        assertThat(AnswerCodec.read(json("-3.5"), QuestionType.NUMBER)).isEqualTo(new Answer.Numeric(-3.5));
        assertThat(AnswerCodec.read(json("999999999999999"), QuestionType.NUMBER))
                .isEqualTo(new Answer.Numeric(999_999_999_999_999d));
        assertThat(AnswerCodec.read(json("\"8,000\""), QuestionType.NUMBER))
                .as("the two readings of 8,000 are left alone").isEqualTo(new Answer.Numeric(8000, 8.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1e308\"", "\"Infinity\"", "\"NaN\"", "\"0x10\"", "\"1e5\"", "true", "[8]", "{\"n\": 8}"})
    void textThatIsNotAPlainDecimalAndOtherShapesAreRefused(String answer) {
        assertThatThrownBy(() -> AnswerCodec.read(json(answer), QuestionType.NUMBER)).as(answer)
                .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("type a number like 1989 or 3.5");
    }

    @Test
    void aTypedAnswerWithABrokenCharacterIsRefusedButEmojiAreKept() throws Exception {
        for (String sent : new String[] {"\"ab\\ud800cd\"", "\"\\udc00\"", "\"end\\ud83e\""}) {
            assertThatThrownBy(() -> AnswerCodec.read(json(sent), QuestionType.TYPE)).as(sent)
                    .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("broken character");
        }
        assertThat(AnswerCodec.read(json("\"CO2 \\ud83e\\udef6\""), QuestionType.TYPE))
                .isEqualTo(new Answer.Text("CO2 \uD83E\uDEF6"));
    }

    @Test
    void aStoredAnswerFromBeforeTheLimitStillRestores() throws Exception {
        assertThat(AnswerCodec.readStored(json("1e308"), QuestionType.NUMBER)).isEqualTo(new Answer.Numeric(1e308));
    }
}
