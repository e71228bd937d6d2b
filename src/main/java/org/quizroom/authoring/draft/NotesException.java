package org.quizroom.authoring.draft;

/**
 * Notes that cannot be turned into a draft, with a stable {@code code} for the API
 * (e.g. {@code NOTES_TOO_LARGE}, {@code PDF_NO_TEXT}) and a message a teacher can act on.
 */
public class NotesException extends RuntimeException {

    private final String code;

    public NotesException(String code, String message) {
        super(message);
        this.code = code;
    }

    public NotesException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
