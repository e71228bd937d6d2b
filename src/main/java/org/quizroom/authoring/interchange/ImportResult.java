package org.quizroom.authoring.interchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import made of a file: the quiz in the editor's shape (the fields of the YAML format,
 * each question with a {@code source} naming its line or row) and every place where the file
 * said something that did not come across unchanged.
 *
 * @param format   "gift", "aiken", "xlsx" or "csv"
 * @param fileName the uploaded file's name, as the teacher knows it
 * @param quiz     title, description and questions (maps with the quiz-file fields)
 * @param issues   in file order: what was left out ({@code skipped}) or changed ({@code changed}) and why
 */
public record ImportResult(String format, String fileName, Map<String, Object> quiz, List<Issue> issues) {

    /**
     * One place in the file that did not convert as written.
     *
     * @param line    1-based line (text formats) or row (spreadsheets)
     * @param kind    "skipped" (nothing was created from it) or "changed" (created, but not as written)
     * @param message why, in a sentence a teacher can act on
     * @param excerpt the start of the text in question, to find it in the file
     */
    public record Issue(int line, String kind, String message, String excerpt) {
    }

    /** Collects questions and issues while a reader walks a file. */
    static final class Builder {
        private final String format;
        private final String fileName;
        private final String unit;
        private final List<Map<String, Object>> questions = new ArrayList<>();
        private final List<Issue> issues = new ArrayList<>();

        Builder(String format, String fileName, String unit) {
            this.format = format;
            this.fileName = fileName;
            this.unit = unit;
        }

        void question(int line, Map<String, Object> question) {
            question.put("source", fileName + ", " + unit + " " + line);
            questions.add(question);
        }

        void skipped(int line, String message, String excerpt) {
            issues.add(new Issue(line, "skipped", message, excerpt(excerpt)));
        }

        void changed(int line, String message, String excerpt) {
            issues.add(new Issue(line, "changed", message, excerpt(excerpt)));
        }

        ImportResult build(String title) {
            var quiz = new LinkedHashMap<String, Object>();
            quiz.put("title", title);
            quiz.put("description", "Imported from " + fileName);
            quiz.put("questions", questions);
            var sorted = new ArrayList<>(issues);
            sorted.sort(java.util.Comparator.comparingInt(Issue::line));
            return new ImportResult(format, fileName, quiz, List.copyOf(sorted));
        }

        private static String excerpt(String text) {
            if (text == null) {
                return "";
            }
            String flat = text.replaceAll("\\s+", " ").strip();
            return flat.length() > 80 ? flat.substring(0, 79) + "…" : flat;
        }
    }

    /** "the-cold-war_v2.gift" → "The cold war v2": a readable title when the file has none. */
    static String titleFrom(String fileName) {
        String base = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "").replaceFirst("\\.[A-Za-z0-9]+$", "");
        base = base.replaceAll("[_-]+", " ").strip();
        if (base.isEmpty()) {
            return "Imported quiz";
        }
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    /** The explanation a question gets when the file gives none: the answer, stated. */
    static String answerExplanation(String answer) {
        return "The answer is " + answer + ".";
    }
}
