package org.quizroom.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.ibm.icu.text.UnicodeSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an answer from JSON strictly (the shape must suit the question type) and writes it back.
 * The wire and the database use the same shapes: an index, an array of indices, a string, a number.
 * A {@code number} answer may also come as the text the student typed; {@link NumberReader} reads it.
 */
public final class AnswerCodec {

    public static final int MAX_TEXT = 200;
    /**
     * Half of a UTF-16 surrogate pair without the other half (JSON's "\\ud800" allows one). ICU4J reads a text by
     * code points, so a whole pair is an emoji and only a lone half is in this set; NicknamePolicy uses the same.
     */
    private static final UnicodeSet LONE_SURROGATES = new UnicodeSet("[:Cs:]").freeze();

    private AnswerCodec() {
    }

    /**
     * An answer as a player sent it.
     *
     * @throws InvalidAnswerException when its shape does not suit {@code type}, or a number is not one a student
     *                                could give ({@link NumberReader})
     */
    public static Answer read(JsonNode node, QuestionType type) {
        return read(node, type, true);
    }

    /**
     * An answer as the database holds it. Numbers are not range-checked: an answer stored before today's
     * limit must not stop a game from being restored.
     */
    public static Answer readStored(JsonNode node, QuestionType type) {
        return read(node, type, false);
    }

    private static Answer read(JsonNode node, QuestionType type, boolean fromPlayer) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new InvalidAnswerException("The answer is missing.");
        }
        switch (type) {
            case SINGLE, TRUEFALSE, POLL -> {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    throw new InvalidAnswerException("This question needs one choice index, e.g. 2.");
                }
                return new Answer.Choice(node.intValue());
            }
            case MULTI, ORDER -> {
                if (!node.isArray() || node.size() > 20) {
                    throw new InvalidAnswerException("This question needs an array of choice indices, e.g. [0, 2].");
                }
                List<Integer> indices = new ArrayList<>();
                for (JsonNode item : node) {
                    if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                        throw new InvalidAnswerException("Choice indices must be whole numbers.");
                    }
                    indices.add(item.intValue());
                }
                return new Answer.Choices(indices);
            }
            case TYPE -> {
                if (!node.isTextual()) {
                    throw new InvalidAnswerException("This question needs a typed answer (a string).");
                }
                if (node.textValue().length() > MAX_TEXT) {
                    throw new InvalidAnswerException("Typed answers can be at most " + MAX_TEXT + " characters.");
                }
                if (LONE_SURROGATES.containsSome(node.textValue())) {
                    // No keyboard types one; stored, it would show in the report as a broken character.
                    throw new InvalidAnswerException("This answer has a broken character; type it again.");
                }
                return new Answer.Text(node.textValue());
            }
            case NUMBER -> {
                if (node.isTextual()) {
                    // Phones send what the student typed; the server reads it by one documented rule.
                    NumberReader.Reading reading = NumberReader.reading(node.textValue());
                    return new Answer.Numeric(reading.value(), reading.otherReading());
                }
                if (!node.isNumber()) {
                    throw new InvalidAnswerException("This question needs a number: " + NumberReader.EXAMPLE + ".");
                }
                // A JSON number of hundreds of digits or 1e308 is a value no student typed: refused, never stored.
                return new Answer.Numeric(fromPlayer ? NumberReader.checkRange(node.doubleValue()) : node.doubleValue());
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    public static JsonNode write(Answer answer) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (answer instanceof Answer.Choice c) {
            return f.numberNode(c.index());
        }
        if (answer instanceof Answer.Choices cs) {
            var array = f.arrayNode();
            cs.indices().forEach(array::add);
            return array;
        }
        if (answer instanceof Answer.Numeric n) {
            return f.numberNode(n.value());
        }
        return f.textNode(((Answer.Text) answer).value());
    }
}
