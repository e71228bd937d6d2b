package org.quizroom.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.quizroom.quiz.Question;
import org.quizroom.store.GameStore;
import org.quizroom.store.StoredAnswer;
import org.quizroom.store.StoredGame;
import org.quizroom.store.StoredPlayer;
import org.springframework.stereotype.Service;

/** Builds reports from what is stored, so they are the same before and after a restart. */
@Service
public class ReportService {

    private final GameStore store;

    public ReportService(GameStore store) {
        this.store = store;
    }

    public boolean exists(String pin) {
        return store.pinExists(pin);
    }

    public Optional<Report> report(String pin) {
        return store.findGame(pin).map(this::build);
    }

    /** Raw rows for the CSV: one per player and question asked. */
    public record AnswerLine(StoredPlayer player, int questionIndex, Question question, StoredAnswer answer) {
    }

    public List<AnswerLine> lines(String pin) {
        StoredGame game = store.findGame(pin).orElseThrow();
        Map<String, StoredAnswer> answers = store.answers(pin).stream()
                .collect(Collectors.toMap(a -> a.playerId() + "#" + a.questionIndex(), a -> a));
        int asked = askedCount(game);
        var lines = new ArrayList<AnswerLine>();
        for (StoredPlayer p : store.players(pin)) {
            for (int q = 0; q < asked; q++) {
                lines.add(new AnswerLine(p, q, game.quiz().questions().get(q), answers.get(p.id() + "#" + q)));
            }
        }
        return lines;
    }

    private Report build(StoredGame game) {
        List<StoredPlayer> players = store.players(game.pin());
        List<StoredAnswer> answers = store.answers(game.pin());
        Map<String, List<StoredAnswer>> byPlayer = answers.stream()
                .collect(Collectors.groupingBy(StoredAnswer::playerId));
        List<Question> questions = game.quiz().questions();

        record Tally(StoredPlayer p, int score, int correct, int answered, long time) {
        }
        List<Tally> tallies = players.stream().map(p -> {
            List<StoredAnswer> mine = byPlayer.getOrDefault(p.id(), List.of());
            int score = mine.stream().mapToInt(StoredAnswer::points).sum();
            int correct = (int) mine.stream().filter(StoredAnswer::correct).count();
            long time = mine.stream().filter(a -> questions.get(a.questionIndex()).type().isScored())
                    .mapToLong(StoredAnswer::responseMs).sum();
            return new Tally(p, score, correct, mine.size(), time);
        }).sorted(Comparator.comparing((Tally t) -> t.p().kicked())
                .thenComparing(t -> t.p().finalRank() == null ? Integer.MAX_VALUE : t.p().finalRank())
                .thenComparingInt(t -> -t.score())
                .thenComparingLong(Tally::time)
                .thenComparingInt(t -> t.p().joinOrder())).toList();
        var playerRows = new ArrayList<Report.PlayerRow>();
        int rank = 0;
        for (Tally t : tallies) {
            playerRows.add(new Report.PlayerRow(t.p().kicked() ? 0 : ++rank, t.p().id(), t.p().nickname(), t.score(),
                    t.correct(), t.answered(), t.p().kicked()));
        }

        Map<Integer, List<StoredAnswer>> byQuestion = answers.stream()
                .collect(Collectors.groupingBy(StoredAnswer::questionIndex));
        int asked = askedCount(game);
        var questionRows = new ArrayList<Report.QuestionRow>();
        Map<String, int[]> sectionTotals = new LinkedHashMap<>();
        for (int i = 0; i < asked; i++) {
            Question q = questions.get(i);
            List<StoredAnswer> qa = byQuestion.getOrDefault(i, List.of());
            int correct = (int) qa.stream().filter(StoredAnswer::correct).count();
            Integer percent = q.type().isScored() && !qa.isEmpty() ? Math.round(100f * correct / qa.size()) : null;
            double average = qa.stream().mapToLong(StoredAnswer::responseMs).average().orElse(0);
            questionRows.add(new Report.QuestionRow(i, q.text(), q.type().wireName(), q.section(), qa.size(), correct,
                    percent, average));
            if (q.type().isScored()) {
                int[] totals = sectionTotals.computeIfAbsent(q.section(), s -> new int[3]);
                totals[0]++;
                totals[1] += qa.size();
                totals[2] += correct;
            }
        }
        List<Report.SectionRow> sections = sectionTotals.entrySet().stream()
                .map(e -> new Report.SectionRow(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[1] == 0 ? null : Math.round(100f * e.getValue()[2] / e.getValue()[1])))
                .sorted(Comparator.comparing((Report.SectionRow s) -> s.percentCorrect() == null ? 101 : s.percentCorrect()))
                .toList();
        int active = (int) players.stream().filter(p -> !p.kicked()).count();
        return new Report(game.pin(), game.quizId(), game.quizTitle(), game.phase().name(), game.createdAt(),
                game.finishedAt(), active, answers.size(), playerRows, questionRows, sections);
    }

    /** Questions that were opened: all up to the current index (the game may have ended early). */
    private static int askedCount(StoredGame game) {
        return Math.min(game.questionIndex() + 1, game.quiz().questions().size());
    }
}
