package org.quizroom.authoring.interchange;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reading the text files teachers share: UTF-8 with or without a BOM, or an old Windows code page; any line ending. */
final class TextFiles {

    private TextFiles() {
    }

    /** The file's text, decoded as UTF-8 (BOM dropped) or, when that fails, as Windows-1252. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** Lines, split at CRLF, LF or a lone CR, without their line ends. */
    static List<String> lines(String text) {
        return List.of(text.split("\r\n|\r|\n", -1));
    }
}
