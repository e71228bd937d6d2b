package org.quizroom.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several games of the same quiz (several classes, or a class and its practice game) side by side.
 * Questions are matched by section and text, so a practice game's subset lines up with the full quiz.
 * Every list of numbers is in the order of {@code games}; null where that game did not ask it or
 * nobody answered.
 */
public record Comparison(List<Column> games, List<Row> sections, List<Row> questions) {

    /** One game: when it was played, by how many, and how well overall (percent of scored answers right). */
    public record Column(String pin, String quizTitle, Instant createdAt, int players, Integer accuracyPercent,
                         String originPin) {
    }

    /** A section or question: percent right and answers counted, per game. */
    public record Row(String label, String section, List<Integer> percents, List<Integer> answers) {
    }

    /** Lines up the given reports, in the order given. */
    public static Comparison of(List<Report> reports) {
        List<Column> columns = reports.stream().map(r -> new Column(r.pin(), r.quizTitle(), r.createdAt(),
                r.playerCount(), r.summary().accuracyPercent(), r.originPin())).toList();
        Map<String, Row> sections = new LinkedHashMap<>();
        Map<String, Row> questions = new LinkedHashMap<>();
        for (int g = 0; g < reports.size(); g++) {
            Report r = reports.get(g);
            for (Report.SectionRow s : r.sections()) {
                put(sections, s.section(), s.section(), null, g, reports.size(), s.masteryPercent(), s.answers());
            }
            for (Report.QuestionRow q : r.questions()) {
                if (!"poll".equals(q.questionType())) {
                    put(questions, q.section() + "\n" + q.text(), q.text(), q.section(), g, reports.size(),
                            q.accuracyPercent(), q.answered());
                }
            }
        }
        return new Comparison(columns, List.copyOf(sections.values()), List.copyOf(questions.values()));
    }

    private static void put(Map<String, Row> rows, String key, String label, String section, int game, int games,
                            Integer percent, int answers) {
        Row row = rows.computeIfAbsent(key, k -> new Row(label, section, nulls(games), nulls(games)));
        row.percents().set(game, percent);
        row.answers().set(game, answers);
    }

    private static List<Integer> nulls(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(null);
        }
        return list;
    }
}
