package org.quizroom.quiz;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A picture shown with a question: a file beside the quiz file, and the text a screen reader
 * reads instead (required: a student who cannot see the picture must still be able to answer).
 *
 * @param file a plain file name in the quizzes folder (no folders), ending .png, .jpg, .jpeg, .webp or .svg
 * @param alt  what the picture shows, in words
 */
public record QuestionImage(String file, String alt) {

    /** Largest image file accepted, in bytes: a class of phones downloads it at once. */
    public static final long MAX_BYTES = 1024 * 1024;

    /** Letters, digits, dot, dash and underscore, not starting with a dot: no folders, no hidden files. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    /** True when {@code file} is a plain file name with an image extension this server serves. */
    public static boolean isSafeFileName(String file) {
        return file != null && SAFE_NAME.matcher(file).matches() && !file.contains("..") && contentType(file) != null;
    }

    /** The media type for an image file name, or null if it is not one of the four kinds served. */
    public static String contentType(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return null;
    }

    /**
     * Whether the first bytes of a file match its claimed type, so a renamed HTML or script file
     * is not served as a picture. SVG must start (after an optional XML prolog, comments or BOM)
     * with markup and contain an {@code <svg} element.
     */
    public static boolean contentMatches(String file, byte[] head) {
        String type = contentType(file);
        if (type == null || head.length < 4) {
            return false;
        }
        return switch (type) {
            case "image/png" -> head[0] == (byte) 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
            case "image/jpeg" -> head[0] == (byte) 0xFF && head[1] == (byte) 0xD8 && head[2] == (byte) 0xFF;
            case "image/webp" -> head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F'
                    && head[3] == 'F' && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P';
            default -> {
                String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
                yield text.startsWith("<") && text.contains("<svg");
            }
        };
    }
}
