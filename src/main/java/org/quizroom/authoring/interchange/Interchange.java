package org.quizroom.authoring.interchange;

import java.util.Locale;
import org.quizroom.quiz.Quiz;
import org.quizroom.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Picks the reader or writer for a format. Import formats: gift, aiken, xlsx, csv (from the
 * file's extension when none is named: .gift, .txt with GIFT braces or Aiken ANSWER lines, .xlsx,
 * .csv). Export formats: gift, xlsx, csv.
 */
public final class Interchange {

    private final long maxBytes;

    /** @param maxBytes largest file accepted for import, in bytes */
    public Interchange(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Converts an uploaded file into a quiz preview; nothing is saved.
     *
     * @throws ApiException 413 FILE_TOO_LARGE, 400 UNKNOWN_FORMAT or 422 UNREADABLE_FILE (naming the file)
     */
    public ImportResult read(String fileName, String format, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.replaceAll("^.*[/\\\\]", "");
        if (bytes.length > maxBytes) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE",
                    name + " is " + (bytes.length + 1023) / 1024 + " KB; files to import may be at most "
                            + (maxBytes + 1023) / 1024 + " KB.");
        }
        if (bytes.length == 0) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "UNREADABLE_FILE", name + " is empty.");
        }
        String chosen = format == null || format.isBlank() ? guess(name, bytes) : format.toLowerCase(Locale.ROOT);
        try {
            return switch (chosen) {
                case "gift" -> GiftReader.read(name, bytes);
                case "aiken" -> AikenReader.read(name, bytes);
                case "xlsx" -> SheetReader.readXlsx(name, bytes);
                case "csv" -> SheetReader.readCsv(name, bytes);
                default -> throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_FORMAT", name
                        + ": cannot tell the format. Import GIFT (.gift or .txt), Aiken (.txt), the Kahoot! sheet (.xlsx) or CSV.");
            };
        } catch (SheetReader.UnreadableFile e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "UNREADABLE_FILE", e.getMessage());
        }
    }

    /** Writes a quiz as gift, xlsx or csv. */
    public ExportResult write(Quiz quiz, String format) {
        return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "gift" -> GiftWriter.write(quiz);
            case "xlsx" -> SheetWriter.xlsx(quiz);
            case "csv" -> SheetWriter.csv(quiz);
            default -> throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_FORMAT",
                    "Export formats are gift, xlsx and csv.");
        };
    }

    private static String guess(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return "xlsx";
        }
        if (lower.endsWith(".csv")) {
            return "csv";
        }
        if (lower.endsWith(".gift")) {
            return "gift";
        }
        if (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K') {
            return "xlsx";
        }
        String text = TextFiles.decode(bytes);
        if (text.lines().anyMatch(l -> l.strip().matches("(?i)^ANSWER\\s*:.*")) && !text.contains("{")) {
            return "aiken";
        }
        if (text.contains("{") && text.contains("}")) {
            return "gift";
        }
        return "unknown";
    }
}
