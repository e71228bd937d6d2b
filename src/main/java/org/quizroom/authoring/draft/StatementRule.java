package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizroom.quiz.QuestionType;

/**
 * Statements in paragraphs (FAQ answers, summaries) → {@code truefalse}. A true question states the
 * sentence (cut at a clause); a false one swaps a year for another year of the notes, or a name for
 * another name of the same kind from the notes. Never by adding "never"/"always": a false statement
 * must be false because of a fact a student can learn from the notes. Sentences that lean on the
 * one before ("This …", "They …") are skipped; they mean nothing alone.
 *
 * <p>An FAQ answer's opener ("Yes, …", "No, …", "Not quite: …", "Actually, …") answers the question
 * above it, not the statement: it is dropped and the rest of the answer, the notes' own claim, is
 * what is stated (true) or swapped (false); when the rest does not stand alone ("No, it only …") no
 * question is made. A false version is never made from a statement that denies, excludes or
 * compares ("not", "without", "before 1950", "after the war"): swapping a name or year there can
 * leave it true. A labelled FAQ answer ("A: …", {@link FaqLabels}) is stated the same way, in any
 * block kind, when it does not lean on its question ("Because …", "It …"); its source is the pair,
 * so it and {@link FaqRule}'s question on the same pair are never both proposed.
 */
final class StatementRule implements Rule {

    /** FAQ answer openers, with the punctuation that closes them; repeated ("Actually, no: …") they are all dropped. */
    private static final Pattern OPENER = Pattern.compile("(?i)^(?:yes|yeah|yep|yup|indeed|correct|that['’]?s right|"
            + "true|absolutely|certainly|no|nope|nah|never|not quite|not exactly|not really|not entirely|not at all|"
            + "not necessarily|not always|not fully|not completely|not yet|not so|only partly|only partially|"
            + "only in part|partly|partially|in part|hardly|false|wrong|incorrect|on the contrary|far from it|"
            + "it depends|sort of|kind of|well|actually|in fact|in reality)\\s*(?:[,;:.!–—]|\\s-)\\s*+(?!\\d)");
    /** Sentence adverbs that open a whole claim even without a comma ("Actually the treaty …"). */
    private static final Pattern ADVERB_OPENER = Pattern.compile("(?i)^(?:actually|in fact|in reality)\\s+");
    /** "Yes"/"No" run straight into the words that answer the question ("No it only …"). */
    private static final Pattern BARE_INTERJECTION = Pattern.compile("(?i)^(?:yes|yeah|yep|no|nope|nah)\\s+(\\p{L}+)");
    /** First words that lean on the question an answer replies to ("No, but …", "No, only …"). */
    private static final Set<String> LEANING = Set.of("but", "and", "or", "nor", "not", "only", "just", "rather",
            "instead", "although", "though", "because", "since", "as", "so", "unless", "except", "if", "partly",
            "mostly", "mainly", "even", "still", "yet", "no", "never", "yes", "too", "either", "neither", "did",
            "does", "do", "was", "were", "is", "are", "had", "has", "have", "could", "would", "will", "can");
    /** Denial, exclusion, alternatives: swapping a name or year under these may leave the statement true. */
    private static final Pattern NEGATION = Pattern.compile("(?i)\\b(?:not|no|never|none|nobody|nothing|nowhere|"
            + "neither|nor|without|except|excluding|unlike|instead|rather|either|or|other than|apart from|besides)\\b"
            + "|\\p{L}n['’]t\\b");
    /** Words before a year that make it a bound or an estimate ("before 1950" stays true for 1947). */
    private static final Set<String> YEAR_BOUNDS = Set.of("before", "after", "by", "until", "till", "since",
            "around", "about", "circa", "c", "ca", "approximately", "roughly", "nearly", "almost", "early", "late",
            "mid", "between", "from", "to", "and", "than", "pre", "post", "within", "through", "throughout");
    /** Words before a name that relate it to the thing stated rather than state it ("after the Korean War"). */
    private static final Set<String> NAME_BOUNDS = Set.of("before", "after", "until", "since", "than", "like",
            "unlike", "besides", "including", "beyond", "except", "alongside", "and");

    @Override
    public String name() {
        return "statement";
    }

    @Override
    public List<Candidate> apply(Notes notes) {
        List<Integer> years = new ArrayList<>();
        for (Notes.Sentence s : notes.sentences) {
            for (int y : YearRule.yearsIn(s.text())) {
                if (!years.contains(y)) {
                    years.add(y);
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        int n = 0;
        for (Notes.Sentence s : notes.sentences) {
            if (s.asksFaq() || s.blockKind() != NotesBlock.Kind.PARAGRAPH && !s.answersFaq()) {
                continue;
            }
            String claim = claim(s.text());
            if (claim == null || !eligible(claim) || s.answersFaq() && leansOnQuestion(claim)) {
                continue;
            }
            String statement = Text.cutStatement(claim, MAX_STEM - 1);
            if (statement == null || !Text.hasVerb(statement)) {
                continue;
            }
            statement = statement + ".";
            boolean faqLike = paragraphHeavy(s.section());
            String swapped = (n++ % 2 == 0) ? falseVersion(statement, s.text(), notes, years) : null;
            double score = 1.8 + (faqLike ? 0.5 : 0) + (Notes.mentions(statement).isEmpty() ? -0.6 : 0.3);
            // An FAQ answer's statement and the pair's own question test one fact: one source, so one is kept.
            String source = s.answersFaq() ? s.faq().source() : s.text();
            // An FAQ answer's "No, …" replies to the question, not to this statement: explain with the claim.
            String explanation = Text.explanation(s.answersFaq() ? claim : s.text(), 200);
            if (swapped != null) {
                out.add(new Candidate(name(), QuestionType.TRUEFALSE, swapped, List.of(), List.of("false"),
                        "False. " + explanation, s.section().heading(), s.section().index(), s.position(), source,
                        score + (YearRule.YEAR.matcher(swapped).find() ? 0.3 : 0), List.of()));
            } else {
                out.add(new Candidate(name(), QuestionType.TRUEFALSE, statement, List.of(), List.of("true"),
                        "True. " + explanation, s.section().heading(), s.section().index(), s.position(), source,
                        score, List.of()));
            }
        }
        return out;
    }

    /**
     * What a sentence of the notes claims on its own: the sentence, or an FAQ answer without its
     * opener ("No, the armistice only paused the fighting." → "The armistice only paused the
     * fighting."); null when what is left leans on the question ("No, it only …", "No, but …").
     */
    static String claim(String sentence) {
        String t = sentence.strip();
        Matcher bare = BARE_INTERJECTION.matcher(t);
        if (bare.find() && leans(bare.group(1))) {
            return null;
        }
        boolean opened = false;
        while (true) {
            Matcher m = OPENER.matcher(t);
            if (!m.find()) {
                m = ADVERB_OPENER.matcher(t);
                if (!m.find()) {
                    break;
                }
            }
            t = t.substring(m.end()).strip();
            opened = true;
        }
        if (!opened) {
            return t;
        }
        List<String> words = Text.words(t);
        if (words.isEmpty() || leans(words.get(0))) {
            return null;
        }
        return Text.capitalise(t);
    }

    /**
     * Whether an FAQ answer's claim only makes sense after its question: it opens with a word that
     * leans on it ("Because …", "It …", "Mainly …") or a purpose ("To keep …").
     */
    private static boolean leansOnQuestion(String claim) {
        List<String> words = Text.words(claim);
        return words.isEmpty() || leans(words.get(0)) || words.get(0).equalsIgnoreCase("to");
    }

    private static boolean leans(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return LEANING.contains(w) || Text.STARTER_PRONOUNS.contains(w);
    }

    static boolean eligible(String sentence) {
        List<String> words = Text.words(sentence);
        if (words.size() < 5 || sentence.strip().endsWith("?")) {
            return false;
        }
        String first = words.get(0).toLowerCase(Locale.ROOT);
        // Leaning on the sentence before, an essay command, or a participle with no subject.
        return !Text.STARTER_PRONOUNS.contains(first) && !PromptRule.isCommand(sentence)
                && !(first.endsWith("ing") && first.length() > 5);
    }

    private static boolean paragraphHeavy(Outline.Section section) {
        long paragraphs = section.blocks().stream().filter(b -> b.kind() == NotesBlock.Kind.PARAGRAPH).count();
        return paragraphs >= 2 && paragraphs * 2 > section.blocks().size();
    }

    /**
     * The statement with one year or one name swapped for a sibling from the notes, or null when no
     * swap is surely false. {@code source} is the whole sentence the statement was cut from: a year
     * or name it holds anywhere (a range's short end "1950–53" included, a synonym in brackets) is
     * never the replacement, since the statement would then say something the notes also say.
     */
    static String falseVersion(String statement, String source, Notes notes, List<Integer> years) {
        if (NEGATION.matcher(statement).find()) {
            return null;
        }
        List<Integer> inSource = YearRule.yearsIn(source);
        Matcher y = YearRule.YEAR.matcher(statement);
        while (y.find()) {
            if (YearRule.inRange(statement, y.start()) || YEAR_BOUNDS.contains(wordBefore(statement, y.start()))) {
                continue;
            }
            int year = Integer.parseInt(y.group(1));
            // A year at least three away from every year of the sentence: a one-year slip would be unfair, not false.
            Integer other = years.stream().filter(o -> inSource.stream().allMatch(i -> Math.abs(o - i) >= 3))
                    .min(Comparator.comparingInt((Integer o) -> Math.abs(o - year)).thenComparingInt(o -> o))
                    .orElse(null);
            if (other != null) {
                return statement.substring(0, y.start()) + other + statement.substring(y.end());
            }
        }
        for (Notes.Mention m : Notes.mentions(statement)) {
            Notes.Entity e = notes.entityOf(m.name());
            if (e == null || Notes.usedAsModifier(m) || NAME_BOUNDS.contains(m.before())) {
                continue;
            }
            // Named twice ("the United Kingdom (Britain)"): swapping one leaves the other saying the truth.
            if (notes.namedIn(statement.substring(0, m.start()) + " … " + statement.substring(m.end()), e)) {
                continue;
            }
            boolean byAlias = !m.name().equals(e.name());
            for (Notes.Entity o : Rule.nearest(notes.ofKind(e.kind()), e, 5,
                    x -> Math.abs(x.firstPosition() - e.firstPosition()), Notes.Entity::name)) {
                String replacement = byAlias && !o.aliases().isEmpty() ? o.aliases().get(0) : o.name();
                if (!notes.sameThing(e, o) && !notes.namedIn(source, o)) {
                    return statement.substring(0, m.start()) + replacement + statement.substring(m.end());
                }
            }
        }
        return null;
    }

    private static String wordBefore(String text, int at) {
        List<String> words = Text.words(text.substring(0, at));
        return words.isEmpty() ? "" : words.get(words.size() - 1).toLowerCase(Locale.ROOT);
    }
}
