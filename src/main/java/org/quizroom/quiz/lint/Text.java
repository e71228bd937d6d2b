package org.quizroom.quiz.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quizroom.quiz.NumberReader;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.TextMatcher;

/** Word-level helpers the rules share: folded words, content words, the answers a question keys. */
final class Text {

    /** Common words that say nothing about the fact a question tests. */
    private static final Set<String> STOP = Set.of(
            "about", "above", "after", "again", "against", "among", "because", "before", "being", "below",
            "between", "could", "did", "does", "doing", "during", "every", "first", "following", "from",
            "further", "have", "having", "into", "itself", "least", "most", "other", "their", "theirs", "them",
            "themselves", "there", "these", "they", "this", "those", "through", "under", "until", "which",
            "while", "whom", "whose", "with", "would", "where", "what", "when", "were", "year", "years",
            "statement", "statements", "question", "answer", "true", "false", "choose", "select",
            "called", "named", "known", "something", "still", "shows", "show", "best", "main", "mainly",
            "later", "early", "right", "wrong", "soviet", "union", "united", "states", "leader", "leaders");

    private Text() {
    }

    /** Folded words (case, accents and letter variants folded, punctuation dropped), in order. */
    static List<String> words(String text) {
        var words = new ArrayList<String>();
        for (String token : text.split("[^\\p{L}\\p{N}]+")) {
            String key = TextMatcher.key(token);
            if (!key.isEmpty()) {
                words.add(key);
            }
        }
        return words;
    }

    /** Words of five or more letters that are not common filler: what a question is about. */
    static Set<String> contentWords(String text) {
        var result = new LinkedHashSet<String>();
        for (String w : words(text)) {
            String stem = w.endsWith("s") && w.length() > 5 ? w.substring(0, w.length() - 1) : w;
            if (stem.length() >= 5 && !STOP.contains(w) && !STOP.contains(stem)) {
                result.add(stem);
            }
        }
        return result;
    }

    /** Whether {@code needle}'s words appear, in order and next to each other, among {@code haystack}'s. */
    static boolean containsPhrase(String haystack, String needle) {
        List<String> h = words(haystack);
        List<String> n = words(needle);
        if (n.isEmpty()) {
            return false;
        }
        for (int i = 0; i + n.size() <= h.size(); i++) {
            if (h.subList(i, i + n.size()).equals(n)) {
                return true;
            }
        }
        return false;
    }

    /** The answers a question is marked against, as text: key choices, accepted answers, the number. */
    static List<String> keys(Question q) {
        return switch (q.type()) {
            case SINGLE, MULTI -> q.correctChoices().stream().sorted().map(q.choices()::get).toList();
            case TYPE -> q.acceptedAnswers();
            case NUMBER -> List.of(NumberReader.show(q.correctNumber()));
            default -> List.of();
        };
    }

    /** Whether a key says enough to give a fact away: a number of 3+ digits or a phrase with a content word. */
    static boolean distinctive(String key) {
        String k = TextMatcher.key(key);
        if (k.chars().allMatch(Character::isDigit)) {
            return k.length() >= 3;
        }
        return !contentWords(key).isEmpty();
    }
}
