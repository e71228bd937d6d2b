package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.List;
import org.quizroom.quiz.QuestionType;

/**
 * {@code Term: description} bullets (and two-column table rows) → "which term matches this
 * description?" ({@code single}, the other terms of the same list, then section, then the nearest
 * in the notes as distractors) and the reverse, "which describes this term?".
 */
final class TermRule implements Rule {

    @Override
    public String name() {
        return "term";
    }

    @Override
    public List<Candidate> apply(Notes notes) {
        List<Candidate> out = new ArrayList<>();
        List<Notes.Term> terms = notes.terms;
        for (Notes.Term t : terms) {
            List<Notes.Term> others = Rule.nearest(terms, t, 3, o -> distance(t, o), Notes.Term::term);
            if (others.isEmpty()) {
                continue;
            }
            boolean giveaway = Text.containsWords(t.description(), t.term())
                    || sharesMainWord(t.term(), t.description());
            double spread = others.size() >= 3 ? 1 : others.size() >= 2 ? 0.5 : -1;
            String stem = Rule.quoted("Which term matches: ", t.description());
            List<String> distractors = others.stream().map(Notes.Term::term).toList();
            out.add(new Candidate(name(), QuestionType.SINGLE, stem, Rule.place(t.term(), distractors, stem),
                    List.of(t.term()), explanation(t), t.section().heading(), t.section().index(), t.position(),
                    t.source(), 3 + spread + (giveaway ? -2.5 : 0) + (stem.endsWith("…”") ? -0.5 : 0),
                    List.of(t.term())));

            String right = Text.capitalise(Text.cut(t.description(), MAX_CHOICE));
            List<String> wrong = others.stream().map(o -> Text.capitalise(Text.cut(o.description(), MAX_CHOICE)))
                    .filter(d -> !d.equalsIgnoreCase(right)).toList();
            boolean anyNamesItself = Text.containsWords(t.description(), t.term())
                    || others.stream().anyMatch(o -> Text.containsWords(o.description(), o.term()));
            String reverse = "Which describes “" + Text.cut(t.term(), 90) + "”?";
            out.add(new Candidate("term-reverse", QuestionType.SINGLE, reverse, Rule.place(right, wrong, reverse),
                    List.of(right), explanation(t), t.section().heading(), t.section().index(), t.position(),
                    t.source(), 2.0 + spread + (anyNamesItself ? -2 : 0), List.of(right)));
        }
        return out;
    }

    static int distance(Notes.Term t, Notes.Term o) {
        int d = Math.abs(t.position() - o.position());
        if (o.list() == t.list()) {
            return d;
        }
        return (o.section() == t.section() ? 1_000 : 10_000) + d;
    }

    /**
     * Whether a long word of the term (5+ letters) appears in the description, also as another
     * form of the word (same first six letters: "Railways"/"Railway", "reduced"/"reduction").
     */
    static boolean sharesMainWord(String term, String description) {
        List<String> described = Text.words(description.toLowerCase(java.util.Locale.ROOT));
        for (String w : Text.words(term.toLowerCase(java.util.Locale.ROOT))) {
            for (String part : w.split("[-'’]")) {
                if (part.length() < 5) {
                    continue;
                }
                String stem = part.substring(0, Math.min(part.length(), 6));
                for (String d : described) {
                    for (String dp : d.split("[-'’]")) {
                        if (dp.startsWith(stem) && dp.length() >= stem.length()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    static String explanation(Notes.Term t) {
        return Text.cut(t.term() + ": " + t.description(), 200) + ".";
    }
}
