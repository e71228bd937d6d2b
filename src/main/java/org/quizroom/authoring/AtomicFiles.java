package org.quizroom.authoring;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;

/**
 * Writes a file whole or not at all: the bytes go to a temp file beside it, which is then renamed
 * over the target, so a reader or a crash never sees half a file.
 *
 * <p>Permissions: {@link Files#createTempFile} makes a file only its owner can read (0600), which
 * locks out a backup or web server running under another account. Here the temp file is created
 * like any new file, so the process umask decides (0644 under the usual 022), and when the target
 * already exists its POSIX permissions, and its group where this account may set it, are copied
 * onto the replacement first: a file the teacher (or an administrator) opened up stays open. On a
 * file system without POSIX attributes nothing is set.
 */
final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Creates or replaces {@code target} with {@code bytes}, keeping its permissions.
     *
     * @throws IOException when the folder cannot be written; the target is then unchanged
     */
    static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, target);
    }

    /**
     * Creates or replaces {@code target} with {@code bytes}, with the permissions (and group) of
     * {@code permissionsFrom} where that file exists (a kept copy as private as its original), else
     * the umask's.
     *
     * @throws IOException when the folder cannot be written; the target is then unchanged
     */
    static void write(Path target, byte[] bytes, Path permissionsFrom) throws IOException {
        Path temp = newTemp(target);
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(bytes);
            }
            keepAttributes(permissionsFrom, temp);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames {@code source} to {@code target} (replacing it), atomically where the file system can. */
    static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A new empty hidden file beside {@code target}, created with the default mode (umask applies). */
    private static Path newTemp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        while (true) {
            Path temp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // Another writer's temp file by chance: draw another name.
            }
        }
    }

    private static void keepAttributes(Path from, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null || !Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributes old;
        try {
            old = Files.readAttributes(from, PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            return;
        }
        GroupPrincipal group = old.group();
        if (group != null && !group.equals(view.readAttributes().group())) {
            try {
                view.setGroup(group);
            } catch (IOException e) {
                // Not a member of that group: the permissions below still apply, to this account's group.
            }
        }
        view.setPermissions(old.permissions());
    }
}
