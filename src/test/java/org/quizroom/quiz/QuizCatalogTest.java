package org.quizroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuizCatalogTest {

    @TempDir
    Path folder;

    private static String quiz(String title) {
        return """
                title: %s
                questions:
                  - type: truefalse
                    text: Is this fine?
                    answer: true
                    section: S
                    explanation: It is.
                """.formatted(title);
    }

    private static final String BROKEN = """
            title: Broken
            questions:
              - type: single
                text: Which?
                choices: [A]
                answer: Z
                section: S
                explanation: E
            """;

    @Test
    void goodFilesLoadAndBadOnesAreReportedWithoutStoppingTheOthers() throws IOException {
        Files.writeString(folder.resolve("zebra.yaml"), quiz("Zebras"));
        Files.writeString(folder.resolve("apes.yml"), quiz("Apes"));
        Files.writeString(folder.resolve("broken.yaml"), BROKEN);
        Files.writeString(folder.resolve("garbage.yaml"), "title: [unclosed\n");
        Files.writeString(folder.resolve("notes.txt"), "not a quiz");

        QuizCatalog catalog = new QuizCatalog(folder);

        assertThat(catalog.all()).extracting(Quiz::id).containsExactly("apes", "zebra");
        assertThat(catalog.all()).extracting(Quiz::title).containsExactly("Apes", "Zebras");
        assertThat(catalog.find("zebra")).isPresent();
        assertThat(catalog.find("broken")).isEmpty();
        assertThat(catalog.find("notes")).isEmpty();
        assertThat(catalog.problems()).extracting(QuizProblem::file).contains("broken.yaml", "garbage.yaml")
                .doesNotContain("zebra.yaml", "apes.yml", "notes.txt");
        assertThat(catalog.problems()).filteredOn(p -> p.file().equals("broken.yaml"))
                .extracting(QuizProblem::question, QuizProblem::field)
                .containsExactlyInAnyOrder(tuple(1, "choices"),
                        tuple(1, "answer"));
    }

    @Test
    void reloadPicksUpNewFixedAndDeletedFiles() throws IOException {
        Files.writeString(folder.resolve("one.yaml"), quiz("One"));
        Files.writeString(folder.resolve("two.yaml"), BROKEN);
        QuizCatalog catalog = new QuizCatalog(folder);
        assertThat(catalog.all()).extracting(Quiz::id).containsExactly("one");
        assertThat(catalog.problems()).isNotEmpty();

        Files.writeString(folder.resolve("two.yaml"), quiz("Two"));
        Files.delete(folder.resolve("one.yaml"));
        Files.writeString(folder.resolve("three.yaml"), quiz("Three"));

        assertThat(catalog.reload()).extracting(Quiz::id).containsExactly("three", "two");
        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.find("one")).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsReportedNotFatal() throws IOException {
        Files.write(folder.resolve("latin1.yaml"), new byte[] {'t', 'i', 't', 'l', 'e', ':', ' ', (byte) 0xE9, '\n'});
        Files.writeString(folder.resolve("ok.yaml"), quiz("OK"));
        QuizCatalog catalog = new QuizCatalog(folder);
        assertThat(catalog.all()).extracting(Quiz::id).containsExactly("ok");
        assertThat(catalog.problems()).extracting(QuizProblem::file).containsExactly("latin1.yaml");
    }

    @Test
    void twoFilesWithTheSameNameAreReportedNotSilentlyMerged() throws IOException {
        Files.writeString(folder.resolve("lesson.yaml"), quiz("Lesson A"));
        Files.writeString(folder.resolve("lesson.yml"), quiz("Lesson B"));
        QuizCatalog catalog = new QuizCatalog(folder);
        assertThat(catalog.all()).extracting(Quiz::title).containsExactly("Lesson A");
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("lesson.yml");
            assertThat(p.message()).contains("'lesson'");
        });
    }

    @Test
    void aMissingFolderIsAProblemNotACrash() {
        QuizCatalog catalog = new QuizCatalog(folder.resolve("nowhere"));
        assertThat(catalog.all()).isEmpty();
        assertThat(catalog.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("does not exist"));
    }
}
