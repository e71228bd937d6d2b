package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Drops page clutter by generic rules: lines without sentence content (labels, page counters such
 * as "1/2"), short imperative or marketing lines ("Contact us", "Sign up", "Please fill out the
 * form"), and short lines repeated through the document (running headers and footers). Rules are
 * about the shape of web pages and handouts, never about a subject.
 */
final class Clutter {

    private static final Pattern NO_LETTERS = Pattern.compile("^[^\\p{L}]*$");
    private static final Pattern PAGE = Pattern.compile("(?i)^(page\\s*)?\\d+\\s*(/|of)\\s*\\d+$|^(?i)page\\s+\\d+$");
    private static final Pattern IMPERATIVE_START = Pattern.compile("(?i)^(please|click|tap|subscribe|sign (up|in)|"
            + "log ?in|register|contact|call|email|e-mail|download|share|follow|book|buy|shop|order now|get|hire|join|"
            + "try|fill|enrol|enroll|learn more|read more|see (also|more)|back to|next|previous|home|menu|skip to|"
            + "alternatively|advertisement|sponsored|related|recommended|chat)\\b");
    private static final Pattern MARKETING = Pattern.compile("(?i)(contact us|sign up|subscribe|newsletter|cookie|"
            + "privacy policy|all rights reserved|terms (of use|and conditions)|advertis|sponsored|©|copyright|"
            + "free trial|click here|fill (out|in) the form|whatsapp|our (tutors|team|experts)|book a (lesson|call|demo)|"
            + "\\blogo\\b|download (the|our) app|follow us|share this|login|log in)");

    private Clutter() {
    }

    static List<NotesBlock> drop(List<NotesBlock> blocks) {
        Map<String, Integer> counts = new HashMap<>();
        for (NotesBlock b : blocks) {
            counts.merge(Text.normalise(b.text()), 1, Integer::sum);
        }
        List<NotesBlock> kept = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            NotesBlock b = blocks.get(i);
            if (isFaq(b, i > 0 ? blocks.get(i - 1) : null)
                    || !isClutter(b, counts.getOrDefault(Text.normalise(b.text()), 0))) {
                kept.add(b);
            }
        }
        return kept;
    }

    /**
     * A labelled FAQ question, or an answer after a question: short ("A: Yes") and repeated ("A: No."
     * twice) as they may be, they are content, not labels or running footers.
     */
    private static boolean isFaq(NotesBlock block, NotesBlock before) {
        if (block.kind() == NotesBlock.Kind.HEADING) {
            return false;
        }
        if (FaqLabels.question(block.text()) != null) {
            return true;
        }
        return FaqLabels.answer(block.text()) != null && before != null && before.kind() != NotesBlock.Kind.HEADING
                && (FaqLabels.question(before.text()) != null || before.text().strip().endsWith("?"));
    }

    static boolean isClutter(NotesBlock block, int repeats) {
        String t = block.text().strip();
        if (t.isEmpty() || NO_LETTERS.matcher(t).matches() || PAGE.matcher(t).matches()) {
            return true;
        }
        int words = Text.words(t).size();
        if (repeats >= 2 && words < 12 && block.kind() != NotesBlock.Kind.BULLET) {
            return true;
        }
        if (words < 20 && (IMPERATIVE_START.matcher(t).find() || MARKETING.matcher(t).find())) {
            return true;
        }
        if (block.kind() == NotesBlock.Kind.PARAGRAPH && words < 6 && !Text.endsSentence(t)) {
            return true; // a label, a navigation link or a form field
        }
        return false;
    }
}
