package org.quizroom.authoring.draft;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels of a written-out FAQ: a question line opened by "Q:", "Q.", "Q -", "Q)", "Q1:",
 * "Question:", "Question 3:" and the answer line after it opened by "A:", "A.", "A -", "Ans:",
 * "Answer:" (also in bold, "**Q:**", as plain text keeps Markdown's stars). The labels are layout,
 * like a bullet: they are never part of a stem, choice or explanation. A label needs its colon,
 * full stop, bracket or spaced dash, so "Q-factor" or "A Roman road" is no label.
 */
final class FaqLabels {

    private static final String BOLD = "(?:\\*\\*|__)?";
    /** After the label word and an optional number: its punctuation (a dash only with a space after). */
    private static final String LABEL_END = BOLD + "\\s*(?::|\\.|\\)|[-–—](?=\\s))" + BOLD + "\\s*";
    private static final Pattern QUESTION = Pattern.compile("^" + BOLD + "(?i:question|ques|q)\\s*\\d{0,3}" + LABEL_END);
    private static final Pattern ANSWER = Pattern.compile("^" + BOLD + "(?i:answer|ans|a)\\s*\\d{0,3}" + LABEL_END);
    /** An answer label that cannot be a sentence's first word with an initial ("A. Smith …"): colon or spaced dash. */
    private static final Pattern STRICT_ANSWER = Pattern.compile("^" + BOLD + "(?i:answer|ans|a)\\s*\\d{0,3}" + BOLD
            + "\\s*(?::|[-–—](?=\\s))" + BOLD + "\\s*");
    /**
     * An answer label inside a question's line ("Q: What powers it? A: The Sun.", or a wrapped line
     * joined to the question): only with a colon or a spaced dash, which a question's own words do
     * not put after a lone "A".
     */
    private static final Pattern INLINE_ANSWER = Pattern.compile("\\s" + BOLD + "(?:A|Answer|Ans)" + BOLD
            + "\\s*(?::|[-–—](?=\\s))" + BOLD + "\\s+");

    private FaqLabels() {
    }

    /** The question of a line opened by a question label, label removed; null when the line has none. */
    static String question(String line) {
        return unlabelled(QUESTION, line);
    }

    /** The answer of a line opened by an answer label, label removed; null when the line has none. */
    static String answer(String line) {
        return unlabelled(ANSWER, line);
    }

    /**
     * The answer of a line opened by an answer label with a colon or dash ("A: …", "Answer – …"),
     * label removed; null otherwise. For a line with no question before it, where "A." could be an
     * initial.
     */
    static String strictAnswer(String line) {
        return unlabelled(STRICT_ANSWER, line);
    }

    /** Whether a line opens with a question or an answer label. */
    static boolean labelled(String line) {
        return question(line) != null || answer(line) != null;
    }

    /**
     * A question label's text split at an answer label in the same line: {question, answer}, or null
     * when the line holds no answer.
     */
    static String[] splitInline(String question) {
        Matcher m = INLINE_ANSWER.matcher(question);
        if (!m.find()) {
            return null;
        }
        String q = question.substring(0, m.start()).strip();
        String a = question.substring(m.end()).strip();
        return q.isEmpty() || a.isEmpty() ? null : new String[] {q, a};
    }

    private static String unlabelled(Pattern label, String line) {
        String t = line.strip();
        Matcher m = label.matcher(t);
        if (!m.find()) {
            return null;
        }
        String rest = t.substring(m.end()).replaceAll("^(\\*\\*|__)|(\\*\\*|__)$", "").strip();
        return rest.isEmpty() ? null : rest;
    }
}
