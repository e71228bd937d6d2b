package org.quizroom.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.quizroom.quiz.QuestionImage;
import org.quizroom.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Pictures for questions, uploaded in the editor and kept where the loader looks for them: in the
 * quizzes folder beside the quiz files, as {@code img-<content hash>.<ext>} (the same picture
 * uploaded twice is stored once). Only PNG, JPEG and WebP are taken, recognised by their first
 * bytes, never by the name or the browser's word; SVG can carry scripts, so it is not accepted
 * from the browser. The size limit is the loader's ({@link QuestionImage#MAX_BYTES}).
 */
public class ImageStore {

    private final Path dir;

    /**
     * A stored picture.
     *
     * @param file        the name to write as the question's {@code image.file}
     * @param contentType its media type
     * @param bytes       its size in bytes
     */
    public record StoredImage(String file, String contentType, long bytes) {
    }

    public ImageStore(Path quizzesDir) {
        this.dir = quizzesDir;
    }

    /**
     * Stores an uploaded picture.
     *
     * @param fileName the name it had on the teacher's computer (only for messages)
     * @throws ApiException 413 IMAGE_TOO_LARGE above 1 MB, 415 UNSUPPORTED_IMAGE for anything but PNG/JPEG/WebP
     */
    public StoredImage store(String fileName, byte[] bytes) {
        String shown = fileName == null || fileName.isBlank() ? "The picture" : fileName.replaceAll("^.*[/\\\\]", "");
        if (bytes.length > QuestionImage.MAX_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "IMAGE_TOO_LARGE", shown + " is "
                    + kb(bytes.length) + "; pictures may be at most " + kb(QuestionImage.MAX_BYTES) + ".");
        }
        String ext = extensionOf(bytes).orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_IMAGE", shown + " is not a PNG, JPEG or WebP picture."));
        String name = "img-" + QuizFiles.versionOf(bytes).substring(0, 16) + "." + ext;
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            if (!Files.exists(target)) {
                // Readable as any new file here (umask), like the quiz files that show it.
                AtomicFiles.write(target, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StoredImage(name, QuestionImage.contentType(name), bytes.length);
    }

    /**
     * A picture in the quizzes folder the loader would accept by name and first bytes (uploaded
     * here or put there by hand), for the editor's preview.
     */
    public Optional<Path> find(String name) {
        if (!QuestionImage.isSafeFileName(name)) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > QuestionImage.MAX_BYTES) {
                return Optional.empty();
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(4096);
            }
            return QuestionImage.contentMatches(name, head) ? Optional.of(file) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<String> extensionOf(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("png");
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("jpg");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("webp");
        }
        return Optional.empty();
    }

    private static String kb(long bytes) {
        return (bytes + 1023) / 1024 + " KB";
    }
}
