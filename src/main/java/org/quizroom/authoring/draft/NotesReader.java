package org.quizroom.authoring.draft;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

/**
 * Turns uploaded notes (plain text, Markdown, Word .docx or PDF) into blocks. The format is chosen
 * from the file's first bytes (a PDF starts with {@code %PDF}, a .docx is a ZIP starting with
 * {@code PK}), then from the file name ({@code .md}); anything else is read as UTF-8 text.
 */
public final class NotesReader {

    private final long maxBytes;

    /** @param maxBytes largest upload accepted, in bytes */
    public NotesReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Reads one upload.
     *
     * @param fileName the name the file was uploaded with (may be null for pasted text)
     * @param bytes    the file's content
     * @return the blocks in document order, clutter not yet removed
     * @throws NotesException NOTES_EMPTY, NOTES_TOO_LARGE, NOTES_NOT_TEXT, DOCX_UNREADABLE,
     *                        PDF_UNREADABLE, PDF_ENCRYPTED, PDF_NO_TEXT
     */
    public List<NotesBlock> read(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new NotesException("NOTES_EMPTY", "The notes are empty: paste some text or choose a file.");
        }
        if (bytes.length > maxBytes) {
            throw new NotesException("NOTES_TOO_LARGE", "The notes are " + bytes.length + " bytes; at most "
                    + maxBytes + " bytes are accepted. Split them or remove pictures.");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (startsWith(bytes, "%PDF")) {
            return PdfNotes.read(bytes);
        }
        if (startsWith(bytes, "PK")) {
            if (name.endsWith(".doc")) {
                throw new NotesException("NOTES_NOT_TEXT", "Old .doc files are not read; save the file as .docx.");
            }
            return DocxNotes.read(bytes);
        }
        if (name.endsWith(".doc") || name.endsWith(".pdf") || name.endsWith(".docx")) {
            throw new NotesException("NOTES_NOT_TEXT", "The file is named " + fileName
                    + " but its content is not that kind of file.");
        }
        return TextNotes.read(decode(bytes), name.endsWith(".md") || name.endsWith(".markdown"));
    }

    /** Reads pasted text; Markdown structure is recognised when present. */
    public List<NotesBlock> readText(String text) {
        return read(null, text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new NotesException("NOTES_NOT_TEXT",
                        "This file is not text, Markdown, .docx or PDF, so it cannot be read.");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            // Older Windows text files: Latin-1/Windows-1252 is the likely alternative to UTF-8.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        if (bytes.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (bytes[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
