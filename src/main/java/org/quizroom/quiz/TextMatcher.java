package org.quizroom.quiz;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>A small spelling slip is then forgiven word by word ({@link #tolerance}), measured with the
 * optimal string alignment form of the Damerau–Levenshtein distance (a swap of two neighbours is one
 * slip). A slip is a typo inside a word, never another word: a missing, extra or different word, a
 * different first letter, two or more letters added or dropped together (a prefix, a suffix, a
 * syllable), and any digit or symbol make the answer wrong. A {@code reject} entry that is at least
 * as close as the nearest accepted answer wins.
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
    /** Typed words : accepted words paired per step: one to one, or a space missing or added on either side. */
    private static final int[][] STEPS = {{1, 1}, {2, 1}, {1, 2}};

    /**
     * Folding runs ICU transforms and the spelled-number check runs a number-format parse; both are
     * slow next to a string compare, and a game folds the same accepted answers for every student.
     */
    private static final Map<String, String> KEYS = lru(20_000);
    private static final Map<String, Integer> TOLERANCES = lru(5_000);
    private static final Map<String, List<String>> WORDS = lru(20_000);
    private static final Map<String, Boolean> SPELLED = lru(5_000);

    private TextMatcher() {
    }

    private static <V> Map<String, V> lru(int size) {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > size;
            }
        });
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
            int d = forgivableDistance(given, a);
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        if (best == null) {
            return Match.WRONG;
        }
        for (String r : rejected) {
            if (forgivableDistance(given, r) <= bestDistance) {
                return Match.WRONG;
            }
        }
        return new Match(true, best);
    }

    /**
     * The summed slip count from the typed answer {@code given} to {@code target} if every word of
     * it is a slip the rules forgive, else {@link Integer#MAX_VALUE}.
     *
     * <p>Words are paired in order; the same number of words must be on both sides, except that two
     * neighbouring words on one side may meet one word on the other (a missing or extra space, as in
     * {@code coexistance} for {@code co-existence}). So a missing, extra, swapped or different word is
     * never forgiven: {@code existence} is not {@code peaceful coexistence}.
     */
    private static int forgivableDistance(String given, String target) {
        List<String> typed = words(given);
        List<String> key = words(target);
        int n = typed.size();
        int m = key.size();
        if (n == 0 || m == 0) {
            return Integer.MAX_VALUE;
        }
        long[][] best = new long[n + 1][m + 1];
        for (long[] row : best) {
            Arrays.fill(row, Integer.MAX_VALUE);
        }
        best[0][0] = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (best[i][j] >= Integer.MAX_VALUE) {
                    continue;
                }
                for (int[] step : STEPS) {
                    int ti = i + step[0];
                    int kj = j + step[1];
                    if (ti > n || kj > m) {
                        continue;
                    }
                    int slips = wordSlips(String.join("", typed.subList(i, ti)), key.subList(j, kj));
                    if (slips != Integer.MAX_VALUE) {
                        best[ti][kj] = Math.min(best[ti][kj], best[i][j] + slips);
                    }
                }
            }
        }
        return (int) Math.min(best[n][m], Integer.MAX_VALUE);
    }

    /**
     * The slips between one typed word {@code w} and the accepted word (or two neighbouring words,
     * joined) {@code parts}, or {@link Integer#MAX_VALUE} when they are different words. A typo is a
     * letter wrong, missing, doubled or two neighbours swapped, at most {@link #wordTolerance} of them;
     * it never changes the first letter (readership is not leadership, existence is not coexistence),
     * never adds or drops two or more letters together (a syllable or an ending: Khrush is not
     * Khrushchev), and never touches a digit or symbol (1956 is not 1955).
     */
    private static int wordSlips(String w, List<String> parts) {
        String k = String.join("", parts);
        if (w.equals(k)) {
            return 0;
        }
        int tolerance = 0;
        if (parts.stream().noneMatch(TextMatcher::spelledNumberWord)) {
            tolerance = wordTolerance(k);
        }
        if (tolerance == 0 || w.isEmpty() || w.codePointAt(0) != k.codePointAt(0)
                || !digitsAndSymbols(w).equals(digitsAndSymbols(k)) || addsOrDropsARun(w, k)) {
            return Integer.MAX_VALUE;
        }
        int d = distance(w, k);
        return d <= tolerance ? d : Integer.MAX_VALUE;
    }

    /** Whether {@code a} and {@code b} differ only by two or more letters added or dropped in one place. */
    private static boolean addsOrDropsARun(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int prefix = 0;
        while (prefix < x.length && prefix < y.length && x[prefix] == y[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < x.length - prefix && suffix < y.length - prefix
                && x[x.length - 1 - suffix] == y[y.length - 1 - suffix]) {
            suffix++;
        }
        int middleX = x.length - prefix - suffix;
        int middleY = y.length - prefix - suffix;
        return Math.min(middleX, middleY) == 0 && Math.max(middleX, middleY) >= 2;
    }

    /**
     * How many slips an answer forgives in each of its words, for its longest word: 0 below 5
     * letters, for numbers written as words and for digits; 1 from 5 letters; 2 from 10 letters
     * (letters counted after folding). Each word of a phrase is judged by its own length.
     */
    public static int tolerance(String acceptedAnswer) {
        Integer known = TOLERANCES.get(acceptedAnswer);
        if (known == null) {
            known = words(acceptedAnswer).stream()
                    .mapToInt(w -> spelledNumberWord(w) ? 0 : wordTolerance(w)).max().orElse(0);
            TOLERANCES.put(acceptedAnswer, known);
        }
        return known;
    }

    /** 0 below 5 letters, 1 from 5, 2 from 10, for one folded word. */
    private static int wordTolerance(String foldedWord) {
        long letters = foldedWord.codePoints().filter(Character::isLetter).count();
        if (letters < 5) {
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
        return key(given).equals(key(target)) || forgivableDistance(given, target) != Integer.MAX_VALUE;
    }

    /**
     * The folded comparison form: case-folded, accents and letter variants reduced, leading article,
     * spaces and punctuation removed; letters, digits, symbols and a number's minus sign kept.
     * E.g. {@code "The Łódź-Ghetto"} becomes {@code "lodzghetto"}, {@code "C++"} becomes {@code "c++"}.
     */
    public static String key(String text) {
        String known = KEYS.get(text);
        if (known == null) {
            known = fold(text);
            KEYS.put(text, known);
        }
        return known;
    }

    private static String fold(String text) {
        return String.join("", words(text));
    }

    /**
     * The folded answer cut into words: case-folded, letter variants reduced, leading article dropped,
     * split at spaces and punctuation (a hyphen too: {@code de-Stalinisation} is two words), with
     * apostrophes dropped inside a word ({@code Khrushchev's} is one). Letters, digits, symbols and a
     * number's minus sign are kept.
     */
    static List<String> words(String text) {
        List<String> known = WORDS.get(text);
        if (known == null) {
            known = cut(text);
            WORDS.put(text, known);
        }
        return known;
    }

    private static List<String> cut(String text) {
        String folded = UCharacter.foldCase(NFKC.normalize(text), true);
        folded = TO_BASE_LETTERS.get().transliterate(folded);
        folded = UCharacter.foldCase(folded, true).strip().replaceAll("\\s+", " ");
        folded = LEADING_ARTICLE.matcher(folded).replaceFirst("");
        folded = SIGNED_NUMBER.matcher(folded).replaceAll("$1" + MINUS);
        var out = new ArrayList<String>();
        var word = new StringBuilder();
        folded.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || isSymbol(cp)) {
                word.appendCodePoint(Character.isDigit(cp) ? '0' + UCharacter.digit(cp, 10) : cp);
            } else if (!isApostrophe(cp) && word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return List.copyOf(out);
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u02BC' || cp == '\u2018';
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

    /** {@link #isSpelledNumber} for one folded word, remembered: it runs a number-format parse. */
    private static boolean spelledNumberWord(String foldedWord) {
        return SPELLED.computeIfAbsent(foldedWord, TextMatcher::isSpelledNumber);
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
