package org.quizroom.game;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizroom.quiz.Answer;
import org.quizroom.quiz.AnswerChecker;

/**
 * Groups the answers to a typed or number question into the most common ones, so the teacher can
 * discuss the near misses (issue 10, item 13). Typed answers are grouped the way they are checked
 * (case, accents, punctuation and spacing ignored); numbers by value.
 */
final class AnswerTallies {

    /** How many distinct answers the reveal lists at most. */
    static final int MAX_SHOWN = 8;

    private AnswerTallies() {
    }

    /** The {@value #MAX_SHOWN} most common answers, most frequent first; ties: right ones first, then first given. */
    static List<AnswerTally> top(List<AcceptedAnswer> answers) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (AcceptedAnswer a : answers) {
            String key = key(a);
            if (key.isEmpty()) {
                continue;
            }
            groups.computeIfAbsent(key, k -> new Group()).add(a);
        }
        var all = new ArrayList<>(groups.values());
        all.sort(Comparator.comparingInt((Group g) -> -g.count).thenComparing(g -> !g.correct));
        return all.stream().limit(MAX_SHOWN).map(Group::tally).toList();
    }

    private static String key(AcceptedAnswer a) {
        if (a.answer() instanceof Answer.Numeric n) {
            return Double.toString(n.value() == 0 ? 0 : n.value()); // -0.0 and 0.0 are the same answer
        }
        return AnswerChecker.normalise(a.answerText());
    }

    private static final class Group {
        final Map<String, Integer> spellings = new LinkedHashMap<>();
        int count;
        boolean correct;

        void add(AcceptedAnswer a) {
            count++;
            correct |= a.correct();
            spellings.merge(a.answerText().strip(), 1, Integer::sum);
        }

        AnswerTally tally() {
            String shown = spellings.entrySet().stream()
                    .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
                    .map(Map.Entry::getKey).orElse("");
            return new AnswerTally(shown, count, correct);
        }
    }
}
