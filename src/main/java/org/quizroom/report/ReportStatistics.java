package org.quizroom.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizroom.quiz.AnswerChecker;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;
import org.quizroom.store.StoredAnswer;
import org.quizroom.store.StoredGame;
import org.quizroom.store.StoredPlayer;

/**
 * Computes every figure of a {@link Report} from a stored game, its players and its answers. Pure:
 * no database, no clock, so the same rows always give the same report.
 */
public final class ReportStatistics {

    /** Most answers listed for typed, number and order questions; the rest are not charted. */
    static final int TOP_ANSWERS = 8;
    /** Below this many answers a question is too thin to call its key into doubt. */
    static final int MIN_ANSWERS_FOR_WARNING = 3;

    private ReportStatistics() {
    }

    /**
     * @param game         the stored game (its quiz snapshot says what was asked)
     * @param players      every player who joined, removed ones included
     * @param answers      every stored answer of the game
     * @param originPin    the game this one practises, or null
     * @param practicePins practice games opened from this one
     */
    public static Report build(StoredGame game, List<StoredPlayer> players, List<StoredAnswer> answers,
                               String originPin, List<String> practicePins) {
        List<Question> quiz = game.quiz().questions();
        int asked = askedCount(game);
        Set<String> removed = players.stream().filter(StoredPlayer::kicked).map(StoredPlayer::id)
                .collect(Collectors.toSet());
        List<StoredAnswer> counted = answers.stream().filter(a -> !removed.contains(a.playerId())).toList();
        int active = players.size() - removed.size();

        List<Report.QuestionRow> questions = new ArrayList<>();
        Map<Integer, List<StoredAnswer>> byQuestion = counted.stream()
                .collect(Collectors.groupingBy(StoredAnswer::questionIndex));
        for (int i = 0; i < asked; i++) {
            questions.add(question(i, quiz.get(i), byQuestion.getOrDefault(i, List.of()), active));
        }
        List<Report.SectionRow> sections = sections(quiz, questions);
        Set<Integer> answeredByClass = questions.stream().filter(q -> q.answered() > 0)
                .map(Report.QuestionRow::index).collect(Collectors.toSet());
        List<Report.PlayerRow> rows = players(game, players, answers, asked, answeredByClass, sections);

        List<Integer> finalScores = rows.stream().filter(r -> !r.kicked()).map(Report.PlayerRow::score).toList();
        List<StoredAnswer> scored = counted.stream().filter(a -> quiz.get(a.questionIndex()).type().isScored()).toList();
        Report.Summary summary = new Report.Summary(active, removed.size(), asked, quiz.size(),
                finalScores.isEmpty() ? 0 : Math.round(10.0 * finalScores.stream().mapToInt(Integer::intValue).sum()
                        / finalScores.size()) / 10.0,
                percent(scored.stream().filter(StoredAnswer::correct).count(), scored.size()),
                median(counted.stream().map(StoredAnswer::responseMs).toList()), histogram(finalScores));
        return new Report(game.pin(), game.quizId(), game.quizTitle(), game.phase().name(), game.createdAt(),
                game.finishedAt(), originPin, List.copyOf(practicePins), active, answers.size(), summary, rows,
                questions, sections);
    }

    /** Questions that were opened: all up to the current index (the game may have ended early). */
    public static int askedCount(StoredGame game) {
        return Math.min(game.questionIndex() + 1, game.quiz().questions().size());
    }

    // ------------------------------------------------------------------ per question

    private static Report.QuestionRow question(int index, Question q, List<StoredAnswer> given, int active) {
        boolean scored = q.type().isScored();
        int correct = (int) given.stream().filter(StoredAnswer::correct).count();
        List<Report.AnswerCount> distribution = distribution(q, given);

        // The commonest wrong answer, typed answers folded the way the checker folds them.
        Map<String, List<StoredAnswer>> wrong = given.stream().filter(a -> scored && !a.correct())
                .collect(Collectors.groupingBy(a -> key(q, a), LinkedHashMap::new, Collectors.toList()));
        List<StoredAnswer> commonest = wrong.values().stream()
                .max(Comparator.<List<StoredAnswer>>comparingInt(List::size)).orElse(List.of());
        String commonWrong = commonest.isEmpty() ? null : shownSpelling(commonest);

        List<String> warnings = new ArrayList<>();
        if (scored && given.size() >= MIN_ANSWERS_FOR_WARNING) {
            if (commonest.size() * 2 > given.size() && commonest.size() > correct) {
                warnings.add(commonest.size() + " of " + given.size() + " gave the same wrong answer (“" + commonWrong
                        + "”): check the answer key.");
            } else if (correct == 0) {
                warnings.add("Nobody got this right: check the question and its answer key.");
            }
        }
        return new Report.QuestionRow(index, q.text(), q.type().wireName(), q.section(), correctAnswer(q),
                given.size(), correct, Math.max(0, active - given.size()),
                scored ? percent(correct, given.size()) : null,
                median(given.stream().map(StoredAnswer::responseMs).toList()), distribution, commonWrong,
                commonest.size(), warnings);
    }

    private static List<Report.AnswerCount> distribution(Question q, List<StoredAnswer> given) {
        QuestionType type = q.type();
        if (type == QuestionType.SINGLE || type == QuestionType.TRUEFALSE || type == QuestionType.POLL
                || type == QuestionType.MULTI) {
            int[] counts = new int[q.choices().size()];
            for (StoredAnswer a : given) {
                for (int index : choiceIndexes(a.answerJson())) {
                    if (index >= 0 && index < counts.length) {
                        counts[index]++;
                    }
                }
            }
            List<Report.AnswerCount> rows = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                rows.add(new Report.AnswerCount(q.choices().get(i), counts[i],
                        type != QuestionType.POLL && q.correctChoices().contains(i), false));
            }
            return rows;
        }
        Map<String, List<StoredAnswer>> groups = given.stream()
                .collect(Collectors.groupingBy(a -> key(q, a), LinkedHashMap::new, Collectors.toList()));
        Set<String> accepted = q.acceptedAnswers().stream().map(AnswerChecker::normalise).collect(Collectors.toSet());
        return groups.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<StoredAnswer>> e) -> -e.getValue().size()))
                .limit(TOP_ANSWERS)
                .map(e -> {
                    boolean right = e.getValue().stream().anyMatch(StoredAnswer::correct);
                    boolean nearMiss = type == QuestionType.TYPE && right && !accepted.contains(e.getKey());
                    return new Report.AnswerCount(shownSpelling(e.getValue()), e.getValue().size(), right, nearMiss);
                }).toList();
    }

    /** Typed answers group by their folded form ("Thaw" and "thaw!" are one answer); others by their text. */
    private static String key(Question q, StoredAnswer a) {
        return q.type() == QuestionType.TYPE ? AnswerChecker.normalise(a.answerText()) : a.answerText();
    }

    /** The spelling most of the group used; the earliest on a tie. */
    private static String shownSpelling(List<StoredAnswer> group) {
        Map<String, Long> spellings = group.stream()
                .collect(Collectors.groupingBy(StoredAnswer::answerText, LinkedHashMap::new, Collectors.counting()));
        return spellings.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** The stored answer JSON of a choice question: an index or an array of indices. */
    private static List<Integer> choiceIndexes(String json) {
        String body = json.trim();
        if (body.startsWith("[")) {
            body = body.substring(1, body.length() - 1).trim();
        }
        if (body.isEmpty()) {
            return List.of();
        }
        List<Integer> indexes = new ArrayList<>();
        for (String part : body.split(",")) {
            try {
                indexes.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                // A shape this question type never stores; count nothing rather than fail the report.
            }
        }
        return indexes;
    }

    /** The key as a teacher reads it. */
    static String correctAnswer(Question q) {
        return switch (q.type()) {
            case POLL -> null;
            case TYPE -> String.join(" / ", q.acceptedAnswers());
            case NUMBER -> {
                String n = number(q.correctNumber());
                yield q.tolerance() > 0 ? n + " ± " + number(q.tolerance()) : n;
            }
            case ORDER -> String.join(" > ", q.choices());
            default -> q.correctChoices().stream().sorted().map(q.choices()::get).collect(Collectors.joining("; "));
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    // ------------------------------------------------------------------ per section

    private static List<Report.SectionRow> sections(List<Question> quiz, List<Report.QuestionRow> asked) {
        Map<String, List<Report.QuestionRow>> bySection = asked.stream()
                .filter(r -> quiz.get(r.index()).type().isScored())
                .collect(Collectors.groupingBy(Report.QuestionRow::section, LinkedHashMap::new, Collectors.toList()));
        Comparator<Report.QuestionRow> weakestQuestion = Comparator
                .comparingInt((Report.QuestionRow r) -> r.accuracyPercent() == null ? 101 : r.accuracyPercent())
                .thenComparingInt(Report.QuestionRow::index);
        return bySection.entrySet().stream().map(e -> {
            int answers = e.getValue().stream().mapToInt(Report.QuestionRow::answered).sum();
            int correct = e.getValue().stream().mapToInt(Report.QuestionRow::correctCount).sum();
            return new Report.SectionRow(e.getKey(), e.getValue().size(), answers, correct, percent(correct, answers),
                    e.getValue().stream().sorted(weakestQuestion).map(Report.QuestionRow::index).toList());
        }).sorted(Comparator.comparingInt((Report.SectionRow s) -> s.masteryPercent() == null ? 101 : s.masteryPercent())
                .thenComparingInt(s -> -s.answers())).toList();
    }

    // ------------------------------------------------------------------ per student

    private static List<Report.PlayerRow> players(StoredGame game, List<StoredPlayer> players, List<StoredAnswer> all,
                                                  int asked, Set<Integer> answeredByClass,
                                                  List<Report.SectionRow> classSections) {
        List<Question> quiz = game.quiz().questions();
        Map<String, Map<Integer, StoredAnswer>> byPlayer = new HashMap<>();
        for (StoredAnswer a : all) {
            byPlayer.computeIfAbsent(a.playerId(), k -> new HashMap<>()).put(a.questionIndex(), a);
        }
        List<String> classOrder = classSections.stream().map(Report.SectionRow::section).toList();

        record Tally(StoredPlayer p, int score, int correct, int answered, long time) {
        }
        List<Tally> tallies = players.stream().map(p -> {
            var mine = byPlayer.getOrDefault(p.id(), Map.of()).values();
            return new Tally(p, mine.stream().mapToInt(StoredAnswer::points).sum(),
                    (int) mine.stream().filter(StoredAnswer::correct).count(), mine.size(),
                    mine.stream().filter(a -> quiz.get(a.questionIndex()).type().isScored())
                            .mapToLong(StoredAnswer::responseMs).sum());
        }).sorted(Comparator.comparing((Tally t) -> t.p().kicked())
                .thenComparing(t -> t.p().finalRank() == null ? Integer.MAX_VALUE : t.p().finalRank())
                .thenComparingInt(t -> -t.score())
                .thenComparingLong(Tally::time)
                .thenComparingInt(t -> t.p().joinOrder())).toList();

        List<Report.PlayerRow> rows = new ArrayList<>();
        int rank = 0;
        for (Tally t : tallies) {
            Map<Integer, StoredAnswer> mine = byPlayer.getOrDefault(t.p().id(), Map.of());
            List<Report.PlayerAnswer> answers = new ArrayList<>();
            Map<String, int[]> perSection = new LinkedHashMap<>();
            for (int i = 0; i < asked; i++) {
                StoredAnswer a = mine.get(i);
                Question q = quiz.get(i);
                answers.add(a == null ? new Report.PlayerAnswer(i, null, null, 0, null, null, null)
                        : new Report.PlayerAnswer(i, a.answerText(), q.type().isScored() ? a.correct() : null,
                        a.points(), a.responseMs(), a.responseMs() + a.networkAllowanceMs(),
                        a.networkAllowanceMs()));
                // A question nobody in the class answered (skipped at once) says nothing about this student.
                if (q.type().isScored() && answeredByClass.contains(i) && !t.p().kicked()) {
                    int[] s = perSection.computeIfAbsent(q.section(), k -> new int[2]);
                    s[0]++;
                    s[1] += a != null && a.correct() ? 1 : 0;
                }
            }
            Function<Map.Entry<String, int[]>, Double> share = e -> (double) e.getValue()[1] / e.getValue()[0];
            String weakest = perSection.entrySet().stream()
                    .min(Comparator.comparing(share).thenComparingInt(e -> {
                        int at = classOrder.indexOf(e.getKey());
                        return at < 0 ? Integer.MAX_VALUE : at;
                    })).map(Map.Entry::getKey).orElse(null);
            rows.add(new Report.PlayerRow(t.p().kicked() ? null : ++rank, t.p().id(), t.p().nickname(), t.score(),
                    t.correct(), t.answered(), t.p().kicked(), weakest,
                    median(mine.values().stream().map(StoredAnswer::networkAllowanceMs).toList()), answers));
        }
        return rows;
    }

    // ------------------------------------------------------------------ arithmetic

    /** Whole-number percentage, half up; null when there is nothing to divide by. */
    static Integer percent(long part, long whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }

    /** Median in ms; of an even count, the mean of the two middle values rounded half up; null when empty. */
    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }

    /**
     * Final scores in at most eight bands of a round width (100, 200, 250, 500, 1,000 … points), from 0
     * to the top score; a class where everyone scored 0 gets one band 0–0.
     */
    static List<Report.ScoreBand> histogram(List<Integer> scores) {
        if (scores.isEmpty()) {
            return List.of();
        }
        int max = scores.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (max <= 0) {
            return List.of(new Report.ScoreBand(0, 0, scores.size()));
        }
        int width = 100;
        outer:
        for (int magnitude = 100; ; magnitude *= 10) {
            for (int step : new int[] {10, 20, 25, 50}) {
                width = magnitude * step / 10;
                if ((max / width) + 1 <= 8) {
                    break outer;
                }
            }
        }
        int bands = max / width + 1;
        List<Report.ScoreBand> result = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            int from = b * width;
            int to = from + width - 1;
            int count = (int) scores.stream().filter(s -> s >= from && s <= to).count();
            result.add(new Report.ScoreBand(from, to, count));
        }
        return result;
    }
}
