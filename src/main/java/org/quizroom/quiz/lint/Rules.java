package org.quizroom.quiz.lint;

import static org.quizroom.quiz.lint.LintWarning.Severity.INFO;
import static org.quizroom.quiz.lint.LintWarning.Severity.WARNING;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.TextMatcher;

/** The lint rules. Question numbers in warnings are 1-based, as teachers count them. */
final class Rules {

    private Rules() {
    }

    private static List<Integer> numbers(List<Integer> indices) {
        return indices.stream().map(i -> i + 1).toList();
    }

    private static List<Integer> indicesOf(Quiz quiz, QuestionType type) {
        return IntStream.range(0, quiz.questions().size()).filter(i -> quiz.questions().get(i).type() == type)
                .boxed().toList();
    }

    /** Question indices grouped by {@code key}, groups in the order their first question appears. */
    private static <K> Map<K, List<Integer>> groupBy(List<Integer> indices, java.util.function.IntFunction<K> key) {
        Map<K, List<Integer>> groups = new LinkedHashMap<>();
        for (int i : indices) {
            groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static String slot(int index) {
        return "choice " + (index + 1);
    }

    /** The key in the same slot of the file in most single questions, or the same key slots in most multi ones. */
    static final class KeyPosition implements LintRule {
        static final String ID = "key-position";

        @Override
        public List<LintWarning> check(Quiz quiz) {
            var warnings = new ArrayList<LintWarning>();
            bias(quiz, indicesOf(quiz, QuestionType.SINGLE), 4, warnings, "single");
            bias(quiz, indicesOf(quiz, QuestionType.MULTI), 3, warnings, "multi");
            return warnings;
        }

        private static void bias(Quiz quiz, List<Integer> indices, int minimum, List<LintWarning> out, String kind) {
            if (indices.size() < minimum) {
                return;
            }
            groupBy(indices, i -> new TreeSet<>(quiz.questions().get(i).correctChoices())).forEach((slots, same) -> {
                if (same.size() * 2 > indices.size()) {
                    String where = String.join(" and ", slots.stream().map(Rules::slot).toList());
                    out.add(new LintWarning(numbers(same), ID, WARNING,
                            same.size() + " of " + indices.size() + " " + kind + " questions have the right answer in "
                                    + where + "; a class can learn the slot instead of the facts.",
                            "Move the right answers to different slots (the game shuffles by default, but not"
                                    + " when the teacher turns shuffling off or the file is printed)."));
                }
            });
        }
    }

    /** A later question's answer stated by an earlier question's text, right choices or explanation. */
    static final class GiveAway implements LintRule {
        static final String ID = "give-away";

        @Override
        public List<LintWarning> check(Quiz quiz) {
            var warnings = new ArrayList<LintWarning>();
            List<Question> qs = quiz.questions();
            for (int later = 1; later < qs.size(); later++) {
                Question q = qs.get(later);
                for (String key : Text.keys(q)) {
                    if (!Text.distinctive(key)) {
                        continue;
                    }
                    Set<String> topic = new HashSet<>(Text.contentWords(q.text()));
                    topic.removeAll(Text.contentWords(key));
                    for (int earlier = 0; earlier < later; earlier++) {
                        String where = giveAway(qs.get(earlier), key, topic);
                        if (where != null) {
                            warnings.add(new LintWarning(List.of(later + 1, earlier + 1), ID, WARNING,
                                    "The answer '" + key + "' is stated in question " + (earlier + 1) + "'s " + where
                                            + ", which also speaks of what question " + (later + 1) + " asks.",
                                    "Reword question " + (earlier + 1) + "'s " + where + " so it does not state '"
                                            + key + "', or ask question " + (later + 1) + " first."));
                            break;
                        }
                    }
                }
            }
            return warnings;
        }

        /** Where in {@code p} the key is given away next to at least two of the later question's topic words. */
        private static String giveAway(Question p, String key, Set<String> topic) {
            var sources = new LinkedHashMap<String, String>();
            sources.put("text", p.text());
            sources.put("explanation", p.explanation());
            if (p.type() == QuestionType.SINGLE || p.type() == QuestionType.MULTI) {
                sources.put("right choices", String.join(" ; ", Text.keys(p)));
            }
            Set<String> context = new HashSet<>(Text.contentWords(p.text() + " " + p.explanation()));
            context.retainAll(topic);
            if (context.size() < 2) {
                return null;
            }
            for (var source : sources.entrySet()) {
                if (Text.containsPhrase(source.getValue(), key)) {
                    return source.getKey();
                }
            }
            return null;
        }
    }

    /** True/false statements that hang on an absolute word: test-wise students guess "false". */
    static final class AbsoluteWords implements LintRule {
        static final String ID = "absolute-words";
        private static final Pattern ABSOLUTE = Pattern.compile(
                "\\b(always|never|for good|as soon as|forever|for ever|completely|entirely|totally|at once|"
                        + "immediately|no one|nobody|everyone|everybody|all of|none of|every single|without exception)\\b",
                Pattern.CASE_INSENSITIVE);

        @Override
        public List<LintWarning> check(Quiz quiz) {
            var warnings = new ArrayList<LintWarning>();
            for (int i : indicesOf(quiz, QuestionType.TRUEFALSE)) {
                Matcher m = ABSOLUTE.matcher(quiz.questions().get(i).text());
                if (m.find()) {
                    warnings.add(new LintWarning(List.of(i + 1), ID, WARNING,
                            "The statement hangs on '" + m.group(1) + "': absolute words mark a statement as false"
                                    + " to test-wise students whatever they know.",
                            "State the fact with its real limits (a date, a place, a person) instead of '"
                                    + m.group(1) + "', or ask it as a single-choice question."));
                }
            }
            return warnings;
        }
    }

    /** A true/false set that is mostly false or mostly true: "always answer false" scores well. */
    static final class TrueFalseBalance implements LintRule {
        static final String ID = "truefalse-balance";

        @Override
        public List<LintWarning> check(Quiz quiz) {
            List<Integer> tf = indicesOf(quiz, QuestionType.TRUEFALSE);
            if (tf.size() < 3) {
                return List.of();
            }
            List<Integer> falses = tf.stream().filter(i -> quiz.questions().get(i).correctChoices().contains(1)).toList();
            List<Integer> trues = tf.stream().filter(i -> !falses.contains(i)).toList();
            List<Integer> majority = falses.size() >= trues.size() ? falses : trues;
            String word = majority == falses ? "false" : "true";
            if (majority.size() * 4 < tf.size() * 3) {
                return List.of();
            }
            return List.of(new LintWarning(numbers(majority), ID, WARNING,
                    majority.size() + " of " + tf.size() + " true/false statements are " + word + "; always answering '"
                            + word + "' scores " + (100 * majority.size() / tf.size()) + "%.",
                    "Rewrite some " + word + " statements so the set is closer to half true, half false."));
        }
    }

    /** Every multi question with the same number of right answers: students learn to pick that many. */
    static final class MultiKeyCount implements LintRule {
        static final String ID = "multi-key-count";

        @Override
        public List<LintWarning> check(Quiz quiz) {
            List<Integer> multi = indicesOf(quiz, QuestionType.MULTI);
            if (multi.size() < 3) {
                return List.of();
            }
            Set<Integer> counts = new HashSet<>();
            multi.forEach(i -> counts.add(quiz.questions().get(i).correctChoices().size()));
            if (counts.size() > 1) {
                return List.of();
            }
            int n = counts.iterator().next();
            return List.of(new LintWarning(numbers(multi), ID, WARNING,
                    "Every multi question has exactly " + n + " right answers; students learn to pick " + n + ".",
                    "Give some multi questions " + (n + 1) + " or " + (n > 2 ? n - 1 : n + 2) + " right answers."));
        }
    }

    /** Right answers much longer (or shorter) than the distractors: the careful-looking one is the key. */
    static final class DistractorLength implements LintRule {
        static final String ID = "distractor-length";

        @Override
        public List<LintWarning> check(Quiz quiz) {
            var warnings = new ArrayList<LintWarning>();
            for (int i = 0; i < quiz.questions().size(); i++) {
                Question q = quiz.questions().get(i);
                if (q.type() != QuestionType.SINGLE && q.type() != QuestionType.MULTI) {
                    continue;
                }
                double key = q.correctChoices().stream().mapToInt(c -> q.choices().get(c).length()).average().orElse(0);
                double other = IntStream.range(0, q.choices().size()).filter(c -> !q.correctChoices().contains(c))
                        .map(c -> q.choices().get(c).length()).average().orElse(key);
                boolean longer = key >= 1.75 * other;
                boolean shorter = other >= 1.75 * key;
                if ((longer || shorter) && Math.abs(key - other) >= 12) {
                    warnings.add(new LintWarning(List.of(i + 1), ID, WARNING,
                            "The right answer" + (q.correctChoices().size() > 1 ? "s average " : " has ")
                                    + Math.round(key) + " characters, the others " + Math.round(other)
                                    + "; the " + (longer ? "longest" : "shortest") + " choice gives the answer away.",
                            "Write distractors as detailed as the right answer (or trim the right answer)."));
                }
            }
            return warnings;
        }
    }

    /**
     * The same fact tested three or more times: questions that share a right answer and a topic word
     * (or true/false statements that mostly share their words), linked in one group.
     */
    static final class RepeatedFact implements LintRule {
        static final String ID = "repeated-fact";

        @Override
        public List<LintWarning> check(Quiz quiz) {
            List<Question> qs = quiz.questions();
            int n = qs.size();
            int[] group = IntStream.range(0, n).toArray();
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (sameFact(qs.get(a), qs.get(b))) {
                        union(group, a, b);
                    }
                }
            }
            var warnings = new ArrayList<LintWarning>();
            for (List<Integer> g : groupBy(IntStream.range(0, n).boxed().toList(), i -> find(group, i)).values()) {
                if (g.size() >= 3) {
                    warnings.add(new LintWarning(numbers(g), ID, WARNING,
                            g.size() + " questions test the same fact; after the first, the rest reward memory of"
                                    + " the quiz, not of the material.",
                            "Keep the best of them and test a different fact, or merge them into one harder question."));
                }
            }
            return warnings;
        }

        private static boolean sameFact(Question a, Question b) {
            if (!a.type().isScored() || !b.type().isScored()) {
                return false;
            }
            Set<String> wa = Text.contentWords(a.text());
            Set<String> wb = Text.contentWords(b.text());
            if (a.type() == QuestionType.TRUEFALSE || b.type() == QuestionType.TRUEFALSE) {
                var shared = new HashSet<>(wa);
                shared.retainAll(wb);
                return shared.size() >= 3 && shared.size() * 2 >= Math.min(wa.size(), wb.size());
            }
            for (String ka : Text.keys(a)) {
                for (String kb : Text.keys(b)) {
                    if (Text.distinctive(ka) && TextMatcher.sameAnswer(ka, kb)) {
                        var shared = new HashSet<>(wa);
                        shared.retainAll(wb);
                        shared.removeAll(Text.contentWords(ka));
                        if (!shared.isEmpty()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static int find(int[] group, int i) {
            while (group[i] != i) {
                group[i] = group[group[i]];
                i = group[i];
            }
            return i;
        }

        private static void union(int[] group, int a, int b) {
            group[find(group, a)] = find(group, b);
        }
    }

    /** Typed questions with one accepted form: right answers in other words are marked wrong. */
    static final class SingleAcceptedForm implements LintRule {
        static final String ID = "single-accepted-form";

        @Override
        public List<LintWarning> check(Quiz quiz) {
            var warnings = new ArrayList<LintWarning>();
            for (int i : indicesOf(quiz, QuestionType.TYPE)) {
                Question q = quiz.questions().get(i);
                if (q.acceptedAnswers().size() == 1) {
                    boolean spellingTest = q.exactSpelling();
                    warnings.add(new LintWarning(List.of(i + 1), ID, spellingTest ? INFO : WARNING,
                            "Only '" + q.acceptedAnswers().get(0) + "' is accepted"
                                    + (spellingTest ? " (a spelling test: fuzzy is off)." : "; a right answer in other"
                                    + " words (a surname alone, a synonym, a different spelling convention) is wrong."),
                            "List the other forms a teacher would accept under 'answers'."));
                }
            }
            return warnings;
        }
    }

    /** Number questions whose text could fit several events (which summit? which treaty?). */
    static final class UnpinnedNumber implements LintRule {
        static final String ID = "unpinned-number";
        private static final Pattern EVENT = Pattern.compile(
                "\\b(summits?|conferences?|crisis|crises|treaty|treaties|meetings?|speech|visits?|ris(ing|ings)|"
                        + "uprisings?|incidents?|agreements?|talks|wars?|revolutions?|invasions?|pacts?)\\b",
                Pattern.CASE_INSENSITIVE);
        private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}'’.-]+");
        private static final Pattern WHEN = Pattern.compile("\\b(year|when|date|month)\\b", Pattern.CASE_INSENSITIVE);

        @Override
        public List<LintWarning> check(Quiz quiz) {
            var warnings = new ArrayList<LintWarning>();
            for (int i : indicesOf(quiz, QuestionType.NUMBER)) {
                String text = quiz.questions().get(i).text();
                String rest = text.contains(" ") ? text.substring(text.indexOf(' ') + 1) : "";
                Matcher names = NAME.matcher(rest);
                int count = 0;
                while (names.find()) {
                    count++;
                }
                Matcher event = EVENT.matcher(text);
                boolean generic = event.find();
                if (!generic && !WHEN.matcher(text).find()) {
                    continue; // a count or a measure ("how many legs"), not a date of an event
                }
                if (count == 0 || (generic && count < 2)) {
                    warnings.add(new LintWarning(List.of(i + 1), ID, WARNING,
                            generic ? "'" + event.group(1) + "' with " + (count == 0 ? "no name" : "one name")
                                    + " beside it may fit several events, each with its own number."
                                    : "The text names no person, place or event, so several events may match.",
                            "Pin the event: name the people and the place (e.g. 'the summit where Eisenhower met"
                                    + " Khrushchev and Bulganin in Geneva')."));
                }
            }
            return warnings;
        }
    }

    /** Accepted answers of one question that differ only by symbols (C and C++): one of them is a mistake. */
    static final class SymbolOnlyDifference implements LintRule {
        static final String ID = "symbol-only-difference";

        @Override
        public List<LintWarning> check(Quiz quiz) {
            var warnings = new ArrayList<LintWarning>();
            for (int i : indicesOf(quiz, QuestionType.TYPE)) {
                List<String> accepted = quiz.questions().get(i).acceptedAnswers();
                for (int a = 0; a < accepted.size(); a++) {
                    for (int b = a + 1; b < accepted.size(); b++) {
                        if (TextMatcher.differOnlyBySymbols(accepted.get(a), accepted.get(b))) {
                            warnings.add(new LintWarning(List.of(i + 1), ID, WARNING,
                                    "'" + accepted.get(a) + "' and '" + accepted.get(b) + "' differ only by symbols,"
                                            + " which count in matching; accepting both accepts either meaning.",
                                    "Keep the one that is right and list the other under 'reject' if it is a near-miss."));
                        }
                    }
                }
            }
            return warnings;
        }
    }

    /**
     * Spelling tolerance that makes answers ambiguous: another typed question's answer, or a reject
     * entry, within the tolerance of an accepted answer.
     */
    static final class ToleranceClash implements LintRule {
        static final String ID = "tolerance-clash";

        @Override
        public List<LintWarning> check(Quiz quiz) {
            var warnings = new ArrayList<LintWarning>();
            List<Integer> typed = indicesOf(quiz, QuestionType.TYPE);
            Map<Integer, Set<String>> reported = new HashMap<>();
            for (int i : typed) {
                Question q = quiz.questions().get(i);
                if (q.exactSpelling()) {
                    continue;
                }
                for (String a : q.acceptedAnswers()) {
                    for (int j : typed) {
                        if (j == i) {
                            continue;
                        }
                        for (String b : quiz.questions().get(j).acceptedAnswers()) {
                            boolean rejected = q.rejected().stream().anyMatch(r -> TextMatcher.sameAnswer(r, b));
                            boolean alsoAccepted = q.acceptedAnswers().stream().anyMatch(x -> TextMatcher.sameAnswer(x, b));
                            if (!rejected && !alsoAccepted && TextMatcher.withinTolerance(b, a)
                                    && reported.computeIfAbsent(i, k -> new HashSet<>()).add(b)) {
                                warnings.add(new LintWarning(List.of(i + 1, j + 1), ID, WARNING,
                                        "'" + b + "' (question " + (j + 1) + "'s answer) is within spelling tolerance of '"
                                                + a + "', so it would be marked right here.",
                                        "Add '" + b + "' under 'reject' in question " + (i + 1) + ", or set 'fuzzy: false'."));
                            }
                        }
                    }
                    for (String r : q.rejected()) {
                        if (TextMatcher.withinTolerance(r, a) && reported.computeIfAbsent(i, k -> new HashSet<>()).add(r)) {
                            warnings.add(new LintWarning(List.of(i + 1), ID, INFO,
                                    "'" + r + "' is rejected though it is within spelling tolerance of '" + a
                                            + "': answers between them count for the nearer one; ties count as wrong.",
                                    "Nothing to do if '" + r + "' is the near-miss you meant to refuse."));
                        }
                    }
                }
            }
            return warnings;
        }
    }
}
