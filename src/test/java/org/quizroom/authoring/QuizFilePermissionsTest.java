package org.quizroom.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quiz files the editor saves stay readable by the accounts that could read them before (a backup
 * job, a web server under another user): on the real file system of a temp folder.
 */
class QuizFilePermissionsTest {

    private static final String QUIZ = "title: Rocks\nquestions:\n  - type: truefalse\n    text: Granite is igneous.\n"
            + "    answer: true\n";

    @TempDir
    Path dir;

    private QuizFiles files;

    @BeforeEach
    void posixOnly() {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
                "this file system has no POSIX permissions (e.g. Windows): Quizroom leaves them to it");
        files = new QuizFiles(dir, Clock.systemUTC());
    }

    private static Set<PosixFilePermission> perms(Path file) throws IOException {
        return Files.getPosixFilePermissions(file);
    }

    /** What any new file made by this process gets here: 0666 less the umask. */
    private Set<PosixFilePermission> newFileDefault() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe.txt"));
        try {
            return perms(probe);
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void aNewQuizGetsTheUsualPermissionsNotOwnerOnly() throws IOException {
        Set<PosixFilePermission> usual = newFileDefault();

        files.write("rocks", QUIZ, null);

        assertThat(perms(dir.resolve("rocks.yaml"))).isEqualTo(usual);
        // Under the usual umask (022) that is rw-r--r--: others can read it, unlike a 0600 temp file.
        if (usual.equals(PosixFilePermissions.fromString("rw-r--r--"))) {
            assertThat(PosixFilePermissions.toString(perms(dir.resolve("rocks.yaml")))).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aSavedQuizKeepsThePermissionsItHad() throws IOException {
        String v1 = files.write("rocks", QUIZ, null);
        for (String mode : new String[] {"rw-rw-r--", "rw-r-----", "rw-rw-rw-"}) {
            Files.setPosixFilePermissions(dir.resolve("rocks.yaml"), PosixFilePermissions.fromString(mode));

            v1 = files.write("rocks", QUIZ + "# edited to " + mode + "\n", v1);

            assertThat(PosixFilePermissions.toString(perms(dir.resolve("rocks.yaml")))).as("after a save of a %s file", mode)
                    .isEqualTo(mode);
            assertThat(Files.readString(dir.resolve("rocks.yaml"))).endsWith("# edited to " + mode + "\n");
            // The copy of the replaced text kept among the versions is no more readable than the quiz was.
            String kept = files.versions("rocks").get(0).name();
            assertThat(PosixFilePermissions.toString(perms(dir.resolve(".versions/rocks/" + kept))))
                    .as("the kept version of a %s file", mode).isEqualTo(mode);
        }
        // Nothing half-written is left behind in the folder.
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aSavedQuizKeepsItsGroupWhereThisAccountMaySetIt() throws IOException {
        files.write("rocks", QUIZ, null);
        Path file = dir.resolve("rocks.yaml");
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        GroupPrincipal other;
        try {
            other = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("daemon");
            view.setGroup(other);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "this account cannot give a file another group (not root, or no 'daemon' group): " + e);
            return;
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        files.write("rocks", QUIZ + "# edited\n", files.read("rocks").orElseThrow().version());

        assertThat(Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class).group()).isEqualTo(other);
        assertThat(PosixFilePermissions.toString(perms(file))).isEqualTo("rw-r-----");
    }

    @Test
    void anUploadedPictureIsReadableLikeAnyNewFile() throws IOException {
        Set<PosixFilePermission> usual = newFileDefault();
        var png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);

        var stored = new ImageStore(dir).store("dot.png", png.toByteArray());

        assertThat(perms(dir.resolve(stored.file()))).isEqualTo(usual);
    }
}
