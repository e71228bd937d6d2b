package org.quizroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notes quiz covers every heading of the notes: a leaf heading is covered when a question
 * names it as its section; a parent heading when one of its children is covered.
 */
class NotesCoverageTest {

    private static final Path NOTES_QUIZ = Path.of("quizzes", "post-stalin-transition.yaml");
    private static final Path SECTIONS = Path.of("src", "test", "resources", "notes-sections.txt");

    private static Quiz quiz;

    @BeforeAll
    static void load() throws IOException {
        QuizParser.Result result = QuizParser.parse("post-stalin-transition", NOTES_QUIZ.getFileName().toString(),
                Files.readString(NOTES_QUIZ, StandardCharsets.UTF_8));
        assertThat(result).withFailMessage(() -> "The notes quiz does not load: "
                + ((QuizParser.Failed) result).problems()).isInstanceOf(QuizParser.Parsed.class);
        quiz = ((QuizParser.Parsed) result).quiz();
    }

    @Test
    void everyHeadingOfTheNotesHasAQuestion() throws IOException {
        // parent -> children (in file order); a parent with no children is its own leaf
        Map<String, List<String>> tree = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(SECTIONS, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s*>\\s*", 2);
            List<String> children = tree.computeIfAbsent(parts[0].strip(), k -> new ArrayList<>());
            if (parts.length == 2) {
                children.add(parts[1].strip());
            }
        }
        assertThat(tree).as("headings read from " + SECTIONS).isNotEmpty();

        Set<String> sections = quiz.questions().stream().map(Question::section).collect(Collectors.toSet());
        List<String> uncovered = new ArrayList<>();
        tree.forEach((parent, children) -> {
            if (children.isEmpty()) {
                if (!sections.contains(parent)) {
                    uncovered.add(parent);
                }
            } else {
                children.stream().filter(c -> !sections.contains(c)).forEach(c -> uncovered.add(parent + " > " + c));
                if (children.stream().noneMatch(sections::contains)) {
                    uncovered.add(parent);
                }
            }
        });
        assertThat(uncovered).withFailMessage(() -> "Headings of the notes with no question:\n  "
                + String.join("\n  ", uncovered)).isEmpty();
    }

    @Test
    void everySectionNamedByAQuestionIsAHeadingOfTheNotes() throws IOException {
        Set<String> headings = Files.readAllLines(SECTIONS, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.contains(">") ? l.substring(l.indexOf('>') + 1).strip() : l.strip())
                .collect(Collectors.toSet());
        List<String> strays = quiz.questions().stream().map(Question::section)
                .filter(s -> !headings.contains(s)).distinct().toList();
        assertThat(strays).withFailMessage(() -> "Sections that are not (leaf) headings of the notes: " + strays)
                .isEmpty();
    }

    @Test
    void hasAtLeastThirtyQuestions() {
        assertThat(quiz.questions()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void usesEveryQuestionType() {
        Set<QuestionType> used = quiz.questions().stream().map(Question::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(QuestionType.class)));
        assertThat(used).containsExactlyInAnyOrder(QuestionType.values());
    }

    /** Significance polls open the discussion (issue 11 asked for more of them) but stay a small share. */
    @Test
    void hasAtLeastFourSignificancePollsButMostlyScoredQuestions() {
        long polls = quiz.questions().stream().filter(q -> q.type() == QuestionType.POLL).count();
        assertThat(polls).isGreaterThanOrEqualTo(4).isLessThanOrEqualTo(quiz.questions().size() / 5);
    }

    @Test
    void noQuestionTextIsLongerThan120Characters() {
        List<String> tooLong = quiz.questions().stream().map(Question::text).filter(t -> t.length() > 120).toList();
        assertThat(tooLong).withFailMessage(() -> "Question texts over 120 characters:\n  "
                + String.join("\n  ", tooLong)).isEmpty();
    }
}
