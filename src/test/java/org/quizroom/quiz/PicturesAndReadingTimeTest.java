package org.quizroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `image` and `readingTime` in quiz files (issue 10, items 10 and 15). */
class PicturesAndReadingTimeTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @TempDir
    Path folder;

    private static String quiz(String quizLevel, String questionExtra) {
        return "title: T\n" + quizLevel + "questions:\n"
                + "  - type: truefalse\n    text: The sky is blue.\n    answer: true\n    section: S\n"
                + "    explanation: E\n" + questionExtra;
    }

    private QuizCatalog load(String yaml) throws IOException {
        Files.writeString(folder.resolve("q.yaml"), yaml);
        return new QuizCatalog(folder);
    }

    @Test
    void aPictureBesideTheQuizWithAltTextLoads() throws IOException {
        Files.write(folder.resolve("sky.png"), PNG);
        Files.writeString(folder.resolve("sky.svg"), "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        QuizCatalog catalog = load(quiz("", "    image: {file: sky.png, alt: A clear blue sky}\n")
                + "  - type: truefalse\n    text: Grass is red.\n    answer: false\n    section: S\n    explanation: E\n"
                + "    image:\n      file: sky.svg\n      alt: A drawing\n");
        assertThat(catalog.problems()).isEmpty();
        Quiz quiz = catalog.find("q").orElseThrow();
        assertThat(quiz.questions().get(0).image()).isEqualTo(new QuestionImage("sky.png", "A clear blue sky"));
        assertThat(quiz.questions().get(1).image().file()).isEqualTo("sky.svg");
    }

    @Test
    void theAltTextIsRequired() throws IOException {
        Files.write(folder.resolve("sky.png"), PNG);
        QuizCatalog catalog = load(quiz("", "    image: {file: sky.png}\n"));
        assertThat(catalog.find("q")).isEmpty();
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.question()).isEqualTo(1);
            assertThat(p.field()).isEqualTo("image.alt");
            assertThat(p.message()).contains("required");
        });
    }

    @Test
    void aMissingFakeOrOversizedPictureIsRefusedNamingTheQuestion() throws IOException {
        Files.writeString(folder.resolve("page.png"), "<html><script>alert(1)</script></html>");
        Files.write(folder.resolve("big.jpg"), new byte[(int) QuestionImage.MAX_BYTES + 1]);
        for (String[] c : new String[][] {{"gone.png", "not found"}, {"page.png", "not really"},
                {"big.jpg", "larger than"}}) {
            QuizCatalog catalog = load(quiz("", "    image: {file: " + c[0] + ", alt: A picture}\n"));
            assertThat(catalog.find("q")).as(c[0]).isEmpty();
            assertThat(catalog.problems()).as(c[0]).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("image.file");
                assertThat(p.message()).contains(c[1]);
            });
        }
    }

    @Test
    void onlyPlainFileNamesOfTheFourKindsAreAccepted() throws IOException {
        for (String name : new String[] {"../secret.png", "sub/sky.png", ".hidden.png", "sky.gif", "sky.html",
                "/etc/passwd"}) {
            QuizCatalog catalog = load(quiz("", "    image: {file: \"" + name + "\", alt: A picture}\n"));
            assertThat(catalog.find("q")).as(name).isEmpty();
            assertThat(catalog.problems()).as(name).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("plain file name"));
        }
    }

    @Test
    void readingTimeComesFromTheQuestionElseTheQuizElseTheDefault() {
        String yaml = quiz("readingTime: 4\n", "    readingTime: 0\n")
                + "  - type: truefalse\n    text: Second.\n    answer: true\n    section: S\n    explanation: E\n";
        Quiz quiz = ((QuizParser.Parsed) QuizParser.parse("q", "q.yaml", yaml)).quiz();
        assertThat(quiz.questions().get(0).readingSeconds()).isZero();
        assertThat(quiz.questions().get(1).readingSeconds()).isEqualTo(4.0);
        Quiz plain = ((QuizParser.Parsed) QuizParser.parse("q", "q.yaml", quiz("", ""))).quiz();
        assertThat(plain.questions().get(0).readingSeconds()).as("null: the default scaled to the text").isNull();
    }

    @Test
    void readingTimeMustBeZeroToThirtySeconds() {
        for (String bad : new String[] {"-1", "31", "soon"}) {
            QuizParser.Result r = QuizParser.parse("q", "q.yaml", quiz("", "    readingTime: " + bad + "\n"));
            assertThat(r).as(bad).isInstanceOfSatisfying(QuizParser.Failed.class, f -> assertThat(f.problems())
                    .singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("readingTime");
                        assertThat(p.message()).contains("0 to 30");
                    }));
        }
    }
}
