package org.quizroom.authoring.draft;

/**
 * One block of notes after reading: a heading (with its level: 0 = the document's title, as Word's
 * "Title" style marks it; 1 = top heading), a paragraph, a bullet or a numbered step. Text is plain
 * (Markdown markup removed) and on one line.
 */
public record NotesBlock(Kind kind, int level, String text) {

    /** What a block is, as the reader saw it in the file's structure. */
    public enum Kind { HEADING, PARAGRAPH, BULLET, NUMBERED }

    public static NotesBlock heading(int level, String text) {
        return new NotesBlock(Kind.HEADING, level, text);
    }

    public static NotesBlock of(Kind kind, String text) {
        return new NotesBlock(kind, 0, text);
    }
}
