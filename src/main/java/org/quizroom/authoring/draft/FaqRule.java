package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizroom.quiz.QuestionType;

/**
 * Labelled FAQ pairs ("Q: … / A: …", {@link FaqLabels}) → the notes' own question with the notes'
 * own answer as its key. A yes/no question ("Does …?", "Is …?") whose answer opens with a plain
 * "Yes"/"No" becomes a {@code single} with the choices Yes and No: turning the question into a
 * statement would need its subject and verb found, which rules cannot do reliably. Any other
 * question with a short answer (a noun phrase of at most five words, no verb) becomes a
 * {@code number} question (a whole number or "In 1953"), a {@code single} when the answer is a
 * {@code Term: description} term or a named thing with two or more siblings of the same kind in
 * the notes, else a {@code type} question accepting the answer's spelling variants. A longer
 * answer is left to {@link StatementRule}, which states its claim as true or false. An answer that
 * only qualifies ("Not quite", "Partly") or a question that offers alternatives ("… or …?") makes
 * no question here: its key would be a guess.
 */
final class FaqRule implements Rule {

    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "am", "do", "does", "did",
            "can", "could", "will", "would", "shall", "should", "may", "might", "must", "has", "have", "had");
    /** What may follow a yes/no opener: punctuation, the end, or a pronoun starting the reply ("No it doesn't"). */
    private static final String AFTER = "(?:\\s*(?:[,;:.!–—]|\\s-(?=\\s))|\\s*$|\\s+(?=(?:it|they|he|she|we|you|there"
            + "|that|this|i)\\b))";
    private static final Pattern NO = Pattern.compile("(?i)^(?:no|nope|nah|never|not at all|absolutely not|"
            + "certainly not|definitely not|of course not|false|incorrect)" + AFTER);
    private static final Pattern YES = Pattern.compile("(?i)^(?:yes|yeah|yep|yup|correct|indeed|absolutely|certainly|"
            + "definitely|of course|that['’]?s right|true)" + AFTER);
    private static final Pattern ALTERNATIVES = Pattern.compile("(?i)\\bor\\b");
    /** Commands a teacher writes instead of a question mark ("Name the gas …"). */
    private static final Set<String> COMMANDS = Set.of("name", "give", "state", "identify", "list", "write");
    /** First words of an answer that only make sense after its question, or that are not a noun phrase. */
    private static final Set<String> NOT_A_NOUN = Set.of("because", "by", "to", "so", "since", "as", "when", "if",
            "it", "they", "he", "she", "this", "that", "these", "those", "there", "yes", "no", "not", "only",
            "mainly", "mostly", "partly", "on", "at", "from", "with", "for", "through", "during", "about", "around",
            "nearly", "almost", "roughly", "approximately", "over", "under", "more", "less");
    private static final Set<String> FINITE = Set.of("is", "are", "was", "were", "be", "been", "am", "has", "have",
            "had", "does", "do", "did", "can", "could", "will", "would", "should", "may", "might", "must");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("(?i)^(?:in\\s+)?(\\d{1,6})$");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12));
    /** The choices of a yes/no question, in reading order. */
    static final List<String> YES_NO = List.of("Yes", "No");
    /** Longest short answer, in characters: something a student types on a phone. */
    private static final int MAX_TYPED = 40;

    @Override
    public String name() {
        return "faq";
    }

    @Override
    public List<Candidate> apply(Notes notes) {
        List<Candidate> out = new ArrayList<>();
        for (Notes.FaqPair f : notes.faqs) {
            Candidate c = question(f, notes);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private Candidate question(Notes.FaqPair f, Notes notes) {
        String q = Text.capitalise(f.question().strip());
        List<String> words = Text.words(q);
        if (words.size() < 3 || q.length() > MAX_STEM || Text.sentences(q).size() != 1) {
            return null;
        }
        String first = words.get(0).toLowerCase(Locale.ROOT);
        String answer = f.answer().strip();
        if (AUXILIARIES.contains(first)) {
            String key = yesOrNo(answer);
            if (key == null || !q.endsWith("?") || ALTERNATIVES.matcher(q).find()) {
                return null;
            }
            return candidate(f, QuestionType.SINGLE, q, YES_NO, List.of(key), explanation(answer), 2.4,
                    List.of());
        }
        if (!q.endsWith("?") && !COMMANDS.contains(first)) {
            return null;
        }
        String stem = q.endsWith("?") ? q : Text.stripEnd(q) + ".";
        String a = shortAnswer(answer);
        if (a == null) {
            return null;
        }
        String bare = Text.withoutArticle(a);
        if (Text.containsWords(q, bare) || TermRule.sharesMainWord(bare, q)) {
            return null; // the question gives its own answer away
        }
        Integer number = number(a);
        if (number != null) {
            return candidate(f, QuestionType.NUMBER, stem, List.of(), List.of(String.valueOf(number)),
                    explanation(answer), 3.0, List.of(String.valueOf(number)));
        }
        Candidate sibling = withSiblings(f, stem, bare, answer, notes);
        if (sibling != null) {
            return sibling;
        }
        return candidate(f, QuestionType.TYPE, stem, List.of(), Text.variants(a), explanation(answer), 3.2,
                List.of(bare));
    }

    /** Whether a candidate is a yes/no question (its choices are Yes and No, in either order). */
    static boolean isYesNo(Candidate c) {
        return c.type() == QuestionType.SINGLE && c.choices().size() == 2 && c.choices().containsAll(YES_NO);
    }

    /** "Yes" or "No" when the answer opens with a plain yes or no, else null ("Not quite", "Partly", a claim). */
    static String yesOrNo(String answer) {
        String t = answer.strip();
        if (NO.matcher(t).find()) {
            return "No";
        }
        return YES.matcher(t).find() ? "Yes" : null;
    }

    /** The answer as a short noun phrase without its full stop ("The Sun."), or null when it is more than that. */
    static String shortAnswer(String answer) {
        String a = Text.stripEnd(answer.strip().replaceAll("[!]+$", ""));
        List<String> words = Text.words(a);
        if (words.isEmpty() || words.size() > 5 || a.length() > MAX_TYPED || Text.sentences(a).size() != 1
                || a.matches(".*[,;:()\\[\\]?!\"“”].*")) {
            return null;
        }
        if (WHOLE_NUMBER.matcher(a).matches()) {
            return a;
        }
        // Digits only in a one-word answer (a formula such as "H2O"), not in a measure ("About 97 %").
        if (NOT_A_NOUN.contains(words.get(0).toLowerCase(Locale.ROOT))
                || words.size() > 1 && a.chars().anyMatch(Character::isDigit)
                || words.stream().anyMatch(w -> FINITE.contains(w.toLowerCase(Locale.ROOT)))) {
            return null;
        }
        return a;
    }

    private static Integer number(String answer) {
        Matcher m = WHOLE_NUMBER.matcher(answer);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        return NUMBER_WORDS.get(answer.toLowerCase(Locale.ROOT));
    }

    /**
     * A {@code single} when the answer is a term of the notes' {@code Term: description} lists or a
     * named thing, with two or more siblings (terms of the same list first; names of the same kind,
     * nearest first) that the question does not name; else null.
     */
    private Candidate withSiblings(Notes.FaqPair f, String stem, String bare, String answer, Notes notes) {
        String key = Text.normalise(bare);
        for (Notes.Term t : notes.terms) {
            if (Text.normalise(Text.withoutArticle(t.term())).equals(key)) {
                List<String> others = Rule.nearest(notes.terms, t, 3, o -> TermRule.distance(t, o), Notes.Term::term)
                        .stream().map(Notes.Term::term).filter(o -> !Text.containsWords(stem, o)).toList();
                if (others.size() >= 2) {
                    return candidate(f, QuestionType.SINGLE, stem, Rule.place(t.term(), others, stem),
                            List.of(t.term()), explanation(answer), 3.4, List.of(t.term()));
                }
            }
        }
        Notes.Entity e = notes.entityOf(bare);
        if (e != null) {
            List<String> others = Rule.nearest(notes.ofKind(e.kind()), e, 3,
                    o -> Math.abs(o.firstPosition() - f.position()), Notes.Entity::name).stream()
                    .filter(o -> !notes.sameThing(e, o) && !notes.namedIn(stem, o)).map(Notes.Entity::name).toList();
            if (others.size() >= 2) {
                return candidate(f, QuestionType.SINGLE, stem, Rule.place(e.name(), others, stem), List.of(e.name()),
                        explanation(answer), 3.4, List.of(e.name()));
            }
        }
        return null;
    }

    private static String explanation(String answer) {
        return Text.capitalise(Text.explanation(answer.strip(), 200));
    }

    private Candidate candidate(Notes.FaqPair f, QuestionType type, String stem, List<String> choices,
                                List<String> answers, String explanation, double score, List<String> secrets) {
        return new Candidate(name(), type, stem, choices, answers, explanation, f.section().heading(),
                f.section().index(), f.position(), f.source(), score, secrets);
    }
}
