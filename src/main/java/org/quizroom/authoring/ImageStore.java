package org.quizroom.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quizroom.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Pictures for questions, kept beside the quizzes in {@code quizzes/images/} under a name made
 * from their content (the same picture uploaded twice is stored once). Only PNG, JPEG and WebP
 * are taken, recognised by their first bytes, never by the name or the browser's word: SVG can
 * carry scripts, so it is refused here rather than half-sanitised.
 */
public class ImageStore {

    private static final Pattern NAME = Pattern.compile("^[0-9a-f]{16}\\.(png|jpg|webp)$");

    private final Path dir;
    private final long maxBytes;

    /** A stored picture: the path to write in the quiz's {@code image} field, its type and size in bytes. */
    public record StoredImage(String image, String contentType, long bytes) {
    }

    public ImageStore(Path quizzesDir, long maxBytes) {
        this.dir = quizzesDir.resolve("images");
        this.maxBytes = maxBytes;
    }

    /**
     * Stores an uploaded picture.
     *
     * @param fileName the name it had on the teacher's computer (only for messages)
     * @throws ApiException 413 IMAGE_TOO_LARGE above the limit, 415 UNSUPPORTED_IMAGE for anything but PNG/JPEG/WebP
     */
    public StoredImage store(String fileName, byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "IMAGE_TOO_LARGE", fileName + " is "
                    + kb(bytes.length) + "; pictures may be at most " + kb(maxBytes) + ".");
        }
        String ext = extensionOf(bytes).orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_IMAGE", fileName + " is not a PNG, JPEG or WebP picture."));
        String name = QuizFiles.versionOf(bytes).substring(0, 16) + "." + ext;
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            if (!Files.exists(target)) {
                Path temp = Files.createTempFile(dir, ".upload", ".tmp");
                try {
                    Files.write(temp, bytes);
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StoredImage("images/" + name, contentType(ext), bytes.length);
    }

    /** The file of a stored picture, when {@code name} is one this store made. */
    public Optional<Path> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public static String contentType(String name) {
        if (name.endsWith("png")) {
            return "image/png";
        }
        if (name.endsWith("webp")) {
            return "image/webp";
        }
        return "image/jpeg";
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
