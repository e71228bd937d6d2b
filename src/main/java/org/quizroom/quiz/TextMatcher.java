package org.quizroom.quiz;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a typed answer matches a question's accepted answers (docs/quiz-format.md,
 * "How typed answers are matched"; the rules come from DESIGN.md "Answer matching").
 *
 * <p>Both sides are folded the same way: full Unicode case folding, compatibility forms (NFKC),
 * accents removed, and Latin letters that have no decomposition (ł, ø, đ, ß, æ …) reduced to their
 * base letters with ICU's {@code Latin-ASCII} transform, so {@code Lodz} meets {@code Łódź} the way a
 * collator at primary strength would. A leading article (the, a, an), spacing and punctuation are
 * dropped. Symbols ({@code + # % & $ °} …) and a minus sign in front of a number are kept: they count
 * whenever they are the whole difference, so {@code C} never matches {@code C++}.
 *
 * <p>A small spelling slip is then forgiven ({@link #tolerance}), measured with the optimal string
 * alignment form of the Damerau–Levenshtein distance (a swap of two neighbours is one slip). Digits
 * and symbols are never part of a forgiven slip, and a {@code reject} entry that is at least as
 * close as the nearest accepted answer wins.
 */
public final class TextMatcher {

    /** The outcome of matching one typed answer. {@code toleratedAs} names the accepted form when a slip was forgiven. */
    public record Match(boolean correct, String toleratedAs) {
        static final Match WRONG = new Match(false, null);
        static final Match EXACT = new Match(true, null);
    }

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final ThreadLocal<Transliterator> TO_BASE_LETTERS = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; NFC"));
    private static final ThreadLocal<RuleBasedNumberFormat> SPELLOUT = ThreadLocal.withInitial(() ->
            new RuleBasedNumberFormat(ULocale.ENGLISH, RuleBasedNumberFormat.SPELLOUT));
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:the|an|a)\\s+(?=\\S)");
    private static final Pattern SIGNED_NUMBER = Pattern.compile("(^|\\s)[-\u2212\u2012\u2013](?=\\p{N})");
    private static final char MINUS = '\u2212';

    private TextMatcher() {
    }

    /**
     * Matches {@code given} against the question's accepted answers and reject list.
     *
     * @param fuzzy whether spelling slips may be forgiven (the question's {@code fuzzy}, default true)
     */
    public static Match match(String given, List<String> accepted, List<String> rejected, boolean fuzzy) {
        String g = key(given);
        if (lenient(g).isEmpty()) {
            return Match.WRONG;
        }
        for (String a : accepted) {
            if (g.equals(key(a))) {
                return Match.EXACT;
            }
        }
        for (String r : rejected) {
            if (g.equals(key(r))) {
                return Match.WRONG;
            }
        }
        if (!fuzzy) {
            return Match.WRONG;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : accepted) {
            int d = forgivableDistance(g, a);
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        if (best == null) {
            return Match.WRONG;
        }
        for (String r : rejected) {
            if (forgivableDistance(g, r) <= bestDistance) {
                return Match.WRONG;
            }
        }
        return new Match(true, best);
    }

    /**
     * The distance from the folded answer {@code g} to {@code target} if it is a slip the rules forgive
     * (same digits, same symbols, within the target's tolerance), else {@link Integer#MAX_VALUE}.
     */
    private static int forgivableDistance(String g, String target) {
        String t = key(target);
        int tolerance = tolerance(target);
        if (tolerance == 0 || !digitsAndSymbols(g).equals(digitsAndSymbols(t))) {
            return Integer.MAX_VALUE;
        }
        int d = distance(g, t);
        return d <= tolerance ? d : Integer.MAX_VALUE;
    }

    /**
     * How many slips an answer forgives: 0 below 5 letters, for numbers written as words and for
     * answers with digits only; 1 from 5 letters; 2 from 10 letters (letters counted after folding).
     */
    public static int tolerance(String acceptedAnswer) {
        String k = lenient(key(acceptedAnswer));
        long letters = k.codePoints().filter(Character::isLetter).count();
        if (letters < 5 || isSpelledNumber(acceptedAnswer)) {
            return 0;
        }
        return letters < 10 ? 1 : 2;
    }

    /** Whether two answers would count as the same answer after folding (no slips forgiven). */
    public static boolean sameAnswer(String a, String b) {
        return key(a).equals(key(b));
    }

    /** Whether two answers differ only by symbols or a sign, e.g. {@code C} and {@code C++}. */
    public static boolean differOnlyBySymbols(String a, String b) {
        String ka = key(a);
        String kb = key(b);
        return !ka.equals(kb) && lenient(ka).equals(lenient(kb));
    }

    /** Whether a typed {@code given} would be forgiven as a slip of {@code target} (ignoring reject lists). */
    public static boolean withinTolerance(String given, String target) {
        String g = key(given);
        return g.equals(key(target)) || forgivableDistance(g, target) != Integer.MAX_VALUE;
    }

    /**
     * The folded comparison form: case-folded, accents and letter variants reduced, leading article,
     * spaces and punctuation removed; letters, digits, symbols and a number's minus sign kept.
     * E.g. {@code "The Łódź-Ghetto"} becomes {@code "lodzghetto"}, {@code "C++"} becomes {@code "c++"}.
     */
    public static String key(String text) {
        String folded = UCharacter.foldCase(NFKC.normalize(text), true);
        folded = TO_BASE_LETTERS.get().transliterate(folded);
        folded = UCharacter.foldCase(folded, true).strip().replaceAll("\\s+", " ");
        folded = LEADING_ARTICLE.matcher(folded).replaceFirst("");
        folded = SIGNED_NUMBER.matcher(folded).replaceAll("$1" + MINUS);
        var out = new StringBuilder(folded.length());
        folded.codePoints().filter(cp -> Character.isLetterOrDigit(cp) || isSymbol(cp))
                .forEach(cp -> out.appendCodePoint(Character.isDigit(cp) ? '0' + UCharacter.digit(cp, 10) : cp));
        return out.toString();
    }

    /** The key without its symbols: letters and digits only. */
    static String lenient(String key) {
        var out = new StringBuilder(key.length());
        key.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String digitsAndSymbols(String key) {
        var out = new StringBuilder();
        key.codePoints().filter(cp -> !Character.isLetter(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * Symbols carry meaning: Unicode symbol categories (math, currency, modifier, other) plus
     * {@code # % & @ *}, which Unicode files under punctuation yet which make C# and 5% what they are.
     */
    static boolean isSymbol(int cp) {
        int type = Character.getType(cp);
        return type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL
                || type == Character.MODIFIER_SYMBOL || type == Character.OTHER_SYMBOL
                || cp == '#' || cp == '%' || cp == '&' || cp == '@' || cp == '*';
    }

    /** Whether the whole answer is a number in English words, e.g. "seven" or "twenty-one". */
    static boolean isSpelledNumber(String text) {
        String words = UCharacter.foldCase(text, true).strip();
        if (words.isEmpty() || !words.chars().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '-')) {
            return false;
        }
        var position = new ParsePosition(0);
        Number parsed = SPELLOUT.get().parse(words.toLowerCase(Locale.ROOT), position);
        return parsed != null && position.getIndex() == words.length();
    }

    /**
     * The optimal string alignment distance between two strings, by code point: insertions,
     * deletions, substitutions and swaps of two neighbours each cost one.
     */
    public static int distance(String a, String b) {
        int[] s = a.codePoints().toArray();
        int[] t = b.codePoints().toArray();
        int[][] d = new int[s.length + 1][t.length + 1];
        for (int i = 0; i <= s.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= t.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= s.length; i++) {
            for (int j = 1; j <= t.length; j++) {
                int cost = s[i - 1] == t[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[s.length][t.length];
    }
}
