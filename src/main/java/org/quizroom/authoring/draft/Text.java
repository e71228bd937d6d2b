package org.quizroom.authoring.draft;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Small, language-level text helpers for English notes: sentences, headings, clause cuts, variants. */
final class Text {

    /** Function words that stay lower case in a title-case heading. */
    static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "of", "and", "or", "in", "on", "for", "to",
            "with", "by", "at", "from", "vs", "vs.", "its", "their", "as", "into", "over", "under", "nor", "but",
            "&", "is", "are", "how", "why", "what", "during", "after", "before", "between", "within", "versus");

    /** Words that open a sentence leaning on the one before it ("This", "They"): no stand-alone fact. */
    static final Set<String> STARTER_PRONOUNS = Set.of("this", "these", "that", "those", "it", "its", "they", "their",
            "he", "she", "his", "her", "such", "both", "some", "others", "thus", "however", "there", "here", "we",
            "you", "i", "one", "another", "which", "what", "who", "also", "instead", "then", "so", "hence");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");
    private static final Pattern ARTICLE = Pattern.compile("^(?i)(the|a|an)\\s+");

    private Text() {
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        var m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    static boolean endsSentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == ':' || last == ';'
                || ((last == '"' || last == '”' || last == ')' || last == '\'') && t.length() > 1
                        && ".!?".indexOf(t.charAt(t.length() - 2)) >= 0);
    }

    /**
     * A heading by shape: at most 12 words and 90 characters, no sentence punctuation at the end,
     * starting with a capital, and most words that are not function words capitalised.
     */
    static boolean isHeadingLike(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 90 || endsSentence(t) && !t.endsWith("?") || t.endsWith(",")) {
            return false;
        }
        if (!Character.isUpperCase(t.codePointAt(0)) && !Character.isDigit(t.codePointAt(0))) {
            return false;
        }
        List<String> words = words(t);
        if (words.isEmpty() || words.size() > 12 || words.stream().noneMatch(w -> Character.isLetter(w.codePointAt(0)))) {
            return false;
        }
        int content = 0;
        int capitalised = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i > 0 && SMALL_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            content++;
            if (Character.isUpperCase(w.codePointAt(0)) || Character.isDigit(w.codePointAt(0))) {
                capitalised++;
            }
        }
        if (t.endsWith("?")) {
            return false;
        }
        return content > 0 && capitalised * 10 >= content * 7 && (content > 1 || words.size() == 1);
    }

    private static final Pattern ABBREVIATION_END =
            Pattern.compile("\\b(\\p{L}|e\\.g|i\\.e|etc|approx|c|ca|vs|Dr|Mr|Mrs|Ms|St|No)\\.$");

    /** Splits a paragraph into sentences (JDK sentence rules, English). */
    static List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(paragraph);
        int start = it.first();
        StringBuilder pending = new StringBuilder();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = paragraph.substring(start, end).strip();
            if (s.isEmpty()) {
                continue;
            }
            pending.append(pending.length() > 0 ? " " : "").append(s);
            // Initials and abbreviations ("U.S.", "e.g.") are not sentence ends.
            if (ABBREVIATION_END.matcher(s).find()) {
                continue;
            }
            out.add(pending.toString());
            pending.setLength(0);
        }
        if (pending.length() > 0) {
            out.add(pending.toString());
        }
        return out;
    }

    /**
     * An explanation from the notes' text: cut to {@code max} characters ({@link #cut}), with the full
     * stop that the cut drops put back unless it already ends a sentence or was cut short ("…").
     */
    static String explanation(String text, int max) {
        String e = cut(text, max);
        return e + (endsSentence(e) || e.endsWith("…") ? "" : ".");
    }

    /**
     * Cuts text to at most {@code max} characters at the last clause boundary (comma, semicolon,
     * dash, colon, bracket, or a joining word) past a third of the limit, else at a word; trailing
     * punctuation removed. Text already short enough comes back without its final full stop.
     */
    static String cut(String text, int max) {
        String t = stripEnd(text.strip());
        if (t.length() <= max) {
            return t;
        }
        String head = t.substring(0, max + 1);
        int best = -1;
        for (String sep : List.of(", ", "; ", " – ", " — ", ": ", " (", " - ")) {
            int i = head.lastIndexOf(sep);
            if (i > best) {
                best = i;
            }
        }
        for (String joiner : List.of(" which ", " where ", " while ", " whereas ", " although ", " though ",
                " because ", " but ", " leading ", " marking ", " causing ", " allowing ", " making ",
                " signalling ", " signaling ", " indicating ", " highlighting ", " as ")) {
            int i = head.lastIndexOf(joiner);
            if (i > best) {
                best = i;
            }
        }
        if (best < max * 11 / 20) {
            int space = head.lastIndexOf(' ', max - 1);
            return stripEnd(t.substring(0, space > 0 ? space : max - 1)) + "…";
        }
        return stripEnd(t.substring(0, best));
    }

    private static final Pattern TRAILING_MODIFIER = Pattern.compile(
            "^,\\s+(\\p{Ll}+ing|which|where|with|including|such as|as well as|particularly|notably|especially|"
            + "for example|for instance|like)\\b.*");

    private static final Pattern PAST_PARTICIPLE_CLAUSE = Pattern.compile(",\\s+\\p{Ll}+ed\\b");

    /**
     * A sentence shortened to at most {@code max} characters only by dropping a trailing modifier
     * (", focusing on …", ", which …", ", including …"), so the statement stays a whole claim; null
     * when that is not possible.
     */
    static String cutStatement(String sentence, int max) {
        String t = stripEnd(sentence.strip());
        if (t.length() <= max) {
            return t;
        }
        int at = t.lastIndexOf(", ", max);
        while (at > 0) {
            String rest = t.substring(at);
            if (TRAILING_MODIFIER.matcher(rest).matches() && at >= 30 && hasVerb(t.substring(0, at))
                    && !PAST_PARTICIPLE_CLAUSE.matcher(rest.substring(2)).find()) {
                return stripEnd(t.substring(0, at));
            }
            at = t.lastIndexOf(", ", at - 1);
        }
        // Last resort: drop the final item of "… X and Y" (what holds for both holds for X).
        int and = t.lastIndexOf(" and ", max);
        if (and >= 30 && t.length() - and <= 45 && !t.substring(and).contains(",") && hasVerb(t.substring(0, and))) {
            return stripEnd(t.substring(0, and));
        }
        return null;
    }

    private static final Pattern VERB = Pattern.compile("(?i)\\b(is|are|was|were|has|have|had|did|does|do|made|makes|"
            + "saw|sees|led|leads|became|becomes|began|begins|took|takes|gave|gives|left|brought|ran|runs|won|lost|met|"
            + "sought|fought|built|grew|grows|fell|falls|rose|rises|came|comes|went|goes|kept|held|holds|meant|means|"
            + "stood|sent|set|put|got|found|thought|knew|showed|shows|can|could|will|would|must|may|might|should|"
            + "\\p{L}{3,}ed|\\p{L}{3,}(ates|ises|izes|ifies|ces|ses|kes|ps|ts|ds|ns|ls|rs|ys|ws|ms))\\b");

    /** Whether a clause has a word that looks like a finite verb (so it is a claim, not a fragment). */
    static boolean hasVerb(String clause) {
        var words = words(clause);
        for (int i = 1; i < words.size(); i++) {
            if (VERB.matcher(words.get(i)).matches()) {
                return true;
            }
        }
        return false;
    }

    static String stripEnd(String text) {
        String t = text.strip();
        while (!t.isEmpty() && ".,;:–—- ".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    static String capitalise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    static String withoutArticle(String text) {
        return ARTICLE.matcher(text.strip()).replaceFirst("");
    }

    /** Runs of anything but letters and digits; compiled once (normalise runs for every pair the ranker compares). */
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    static String normalise(String text) {
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Whether {@code haystack} contains {@code needle} as whole words, ignoring case and punctuation. */
    static boolean containsWords(String haystack, String needle) {
        String n = normalise(needle);
        if (n.isEmpty()) {
            return false;
        }
        return (" " + normalise(haystack) + " ").contains(" " + n + " ");
    }

    /**
     * Accepted spellings of a typed answer: as written, British and American spellings
     * (-ise/-ize, -isation/-ization, -our/-or, -re/-er, -ence/-ense, -yse/-yze, ae/oe), hyphen as
     * space or joined, and without a leading article.
     */
    static List<String> variants(String answer) {
        Set<String> out = new LinkedHashSet<>();
        String base = withoutArticle(answer.strip());
        List<String> spellings = new ArrayList<>();
        spellings.add(base);
        String american = base.replaceAll("isation", "ization").replaceAll("ise(s|d)?\\b", "ize$1")
                .replaceAll("yse\\b", "yze").replaceAll("our\\b", "or").replaceAll("tre\\b", "ter")
                .replaceAll("ence\\b", "ense").replaceAll("aemi", "emi").replaceAll("oes", "es");
        String british = base.replaceAll("ization", "isation").replaceAll("ize(s|d)?\\b", "ise$1")
                .replaceAll("yze\\b", "yse").replaceAll("(?<=[^aeiou][aeiou]|ha|vi|ab)or\\b", "our")
                .replaceAll("ter\\b", "tre");
        for (String s : List.of(american, british)) {
            if (!s.equals(base) && !defenceLike(base, s)) {
                spellings.add(s);
            }
        }
        for (String s : spellings) {
            out.add(s);
            if (s.contains("-")) {
                out.add(s.replace('-', ' '));
                out.add(s.replace("-", ""));
            }
        }
        // With an article, as teachers often write it; the checker also ignores leading articles.
        if (!base.equals(answer.strip())) {
            out.add(answer.strip());
        }
        return List.copyOf(out).subList(0, Math.min(out.size(), 8));
    }

    /** Guards the blunt suffix swaps against common words they would break (e.g. "water" → "watre"). */
    private static boolean defenceLike(String base, String variant) {
        String lb = base.toLowerCase(Locale.ROOT);
        String lv = variant.toLowerCase(Locale.ROOT);
        for (String w : List.of("water", "after", "under", "other", "chapter", "computer", "matter", "letter",
                "master", "sister", "winter", "order", "four", "hour", "your", "pour", "tour", "door", "floor",
                "for", "or", "sense", "license", "rise", "wise", "precise", "exercise", "promise", "surprise",
                "enterprise", "compromise", "noise", "concise", "premise", "otherwise", "advertise", "ence")) {
            if (Text.containsWords(lb, w) && !Text.containsWords(lv, w)) {
                return true;
            }
        }
        return false;
    }
}
