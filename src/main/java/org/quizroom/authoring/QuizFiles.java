package org.quizroom.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The quiz files in the quizzes folder, as the editor changes them: every write goes to a temp
 * file that is then renamed over the old one (a reader or a crash never sees half a file), keeping
 * the old file's permissions, or the umask's for a new one ({@link AtomicFiles}); the
 * file being replaced is kept in {@code .versions/<id>/} (the newest {@link #KEEP_VERSIONS});
 * deleting moves the file to {@code .trash/}. The loader lists only the folder's own files, so
 * these dot folders are never loaded as quizzes.
 *
 * <p>A file's version is the SHA-256 of its bytes: any change, including a hand edit in a text
 * editor, gives a new version, which is how a save over a newer file is detected.
 */
public class QuizFiles {

    /** How many previous versions of each quiz are kept. */
    public static final int KEEP_VERSIONS = 20;

    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,79}$");
    private static final Pattern STORED_NAME = Pattern.compile("^[0-9]{8}-[0-9]{9}(?:-[0-9]+)?(?:-[a-z]+)?\\.yaml$");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Clock clock;

    /** A quiz file's text and its version. */
    public record FileText(String id, String fileName, String text, String version) {
    }

    /** A kept copy of a file: its name (to restore it), when it was put aside (UTC), its size in bytes and why. */
    public record Stored(String name, Instant savedAt, long bytes, String reason) {
    }

    public QuizFiles(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    public Path folder() {
        return folder;
    }

    /** Whether an id may name a quiz file: lower-case letters, digits and hyphens, at most 80. */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The file of a quiz: {@code <id>.yaml}, or {@code <id>.yml} when only that exists. */
    public Path fileOf(String id) {
        requireId(id);
        Path yaml = folder.resolve(id + ".yaml");
        Path yml = folder.resolve(id + ".yml");
        return !Files.exists(yaml) && Files.exists(yml) ? yml : yaml;
    }

    public boolean exists(String id) {
        return Files.isRegularFile(fileOf(id));
    }

    /** Reads a quiz file, or empty when there is none with this id. */
    public Optional<FileText> read(String id) {
        Path file = fileOf(id);
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(new FileText(id, file.getFileName().toString(), decode(bytes), versionOf(bytes)));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of every quiz file in the folder (loadable or not), sorted. */
    public List<String> ids() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches(".*\\.ya?ml$"))
                    .map(n -> n.replaceFirst("\\.ya?ml$", "")).filter(QuizFiles::validId).distinct().sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces (or creates) a quiz file, if it is still at {@code expectedVersion}.
     *
     * @param expectedVersion the version the editor opened, or null for a file that must not exist yet
     * @return the new version
     * @throws VersionConflict when the file changed (or appeared) since; the file is left as it is
     *                         and {@code text} is kept as a version marked "conflict", so both stay
     */
    public synchronized String write(String id, String text, String expectedVersion) {
        Path file = fileOf(id);
        Optional<FileText> current = read(id);
        String currentVersion = current.map(FileText::version).orElse(null);
        if (!java.util.Objects.equals(currentVersion, expectedVersion)) {
            Stored kept = keep(id, text.getBytes(StandardCharsets.UTF_8), "conflict");
            throw new VersionConflict(id, currentVersion, kept.name());
        }
        if (current.isPresent()) {
            keep(id, current.get().text().getBytes(StandardCharsets.UTF_8), null);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeAtomically(file, bytes, file);
        return versionOf(bytes);
    }

    /** The kept versions of a quiz, newest first. */
    public List<Stored> versions(String id) {
        return listStored(versionsDir(id));
    }

    /** The text of one kept version. */
    public Optional<String> version(String id, String name) {
        return readStored(versionsDir(id), name);
    }

    /** Moves a quiz file to the trash folder; returns the name it has there. */
    public synchronized Stored trash(String id) {
        Path file = fileOf(id);
        if (!Files.isRegularFile(file)) {
            throw new java.util.NoSuchElementException(id);
        }
        try {
            Path trash = Files.createDirectories(folder.resolve(".trash"));
            String name = id + "--" + stamp() + ".yaml";
            Path target = trash.resolve(name);
            moveAtomically(file, target);
            return new Stored(name, clock.instant(), Files.size(target), "deleted");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files in the trash, newest first; each name starts with the quiz id and "--". */
    public List<Stored> trashed() {
        Path trash = folder.resolve(".trash");
        try (Stream<Path> files = Files.list(trash)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> stored(f, "deleted"))
                    .sorted(Comparator.comparing(Stored::savedAt).reversed())
                    .toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts a trashed file back under its own id.
     *
     * @return the id it was restored as
     * @throws IllegalStateException when a quiz with that id exists again
     */
    public synchronized String untrash(String name) {
        if (name == null || !name.matches("^[a-z0-9][a-z0-9-]{0,79}--[0-9]{8}-[0-9]{9}(?:-[0-9]+)?\\.yaml$")) {
            throw new java.util.NoSuchElementException(name);
        }
        Path source = folder.resolve(".trash").resolve(name);
        if (!Files.isRegularFile(source)) {
            throw new java.util.NoSuchElementException(name);
        }
        String id = name.substring(0, name.indexOf("--"));
        if (exists(id)) {
            throw new IllegalStateException("A quiz called '" + id + "' exists again; rename or delete it first.");
        }
        moveAtomically(source, folder.resolve(id + ".yaml"));
        return id;
    }

    /** The version (SHA-256, hex) of a file's bytes. */
    public static String versionOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------

    private Stored keep(String id, byte[] bytes, String reason) {
        Path dir = versionsDir(id);
        try {
            Files.createDirectories(dir);
            // Names sort by time; two saves in one millisecond take the next free millisecond.
            Instant at = clock.instant();
            String name;
            do {
                name = STAMP.format(at) + (reason == null ? "" : "-" + reason) + ".yaml";
                at = at.plusMillis(1);
            } while (Files.exists(dir.resolve(name)) || Files.exists(dir.resolve(STAMP.format(at.minusMillis(1)) + ".yaml"))
                    || Files.exists(dir.resolve(STAMP.format(at.minusMillis(1)) + "-conflict.yaml")));
            // A kept copy is as private as the quiz file it was kept from (its answers are the same).
            writeAtomically(dir.resolve(name), bytes, fileOf(id));
            prune(dir);
            return stored(dir.resolve(name), reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune(Path dir) throws IOException {
        List<Stored> all = listStored(dir);
        for (int i = KEEP_VERSIONS; i < all.size(); i++) {
            Files.deleteIfExists(dir.resolve(all.get(i).name()));
        }
    }

    private List<Stored> listStored(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> STORED_NAME.matcher(f.getFileName().toString()).matches())
                    .map(f -> stored(f, f.getFileName().toString().endsWith("-conflict.yaml") ? "conflict" : "saved"))
                    .sorted(Comparator.comparing(Stored::name).reversed())
                    .toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> readStored(Path dir, String name) {
        if (name == null || !STORED_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(Files.readAllBytes(dir.resolve(name))));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Stored stored(Path file, String reason) {
        try {
            String name = file.getFileName().toString();
            return new Stored(name, stampOf(name), Files.size(file), reason == null ? "saved" : reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant stampOf(String name) {
        var m = Pattern.compile("([0-9]{8}-[0-9]{9})").matcher(name);
        if (!m.find()) {
            return Instant.EPOCH;
        }
        return java.time.LocalDateTime.parse(m.group(1), STAMP.withZone(null)).toInstant(ZoneOffset.UTC);
    }

    private Path versionsDir(String id) {
        requireId(id);
        return folder.resolve(".versions").resolve(id);
    }

    private String stamp() {
        return STAMP.format(clock.instant());
    }

    private static void requireId(String id) {
        if (!validId(id)) {
            throw new IllegalArgumentException("not a quiz id: " + id);
        }
    }

    private static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void writeAtomically(Path target, byte[] bytes, Path permissionsFrom) {
        try {
            AtomicFiles.write(target, bytes, permissionsFrom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void moveAtomically(Path source, Path target) {
        try {
            AtomicFiles.move(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A save refused because the file is no longer the version the editor opened. */
    public static final class VersionConflict extends RuntimeException {
        private final String currentVersion;
        private final String keptAs;

        VersionConflict(String id, String currentVersion, String keptAs) {
            super("'" + id + "' changed since you opened it");
            this.currentVersion = currentVersion;
            this.keptAs = keptAs;
        }

        /** The file's version now (null when it was deleted meanwhile). */
        public String currentVersion() {
            return currentVersion;
        }

        /** The name under which the refused text was kept among the versions. */
        public String keptAs() {
            return keptAs;
        }
    }
}
