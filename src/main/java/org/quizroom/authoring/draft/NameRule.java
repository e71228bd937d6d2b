package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.quizroom.quiz.QuestionType;

/**
 * Named people, places, organisations, events and abbreviations → {@code single} gap-fills
 * ("Who fits the gap? “___ emerged as …”") with up to three other names of the same kind from the
 * notes, nearest first, as distractors. Every mention of the answer in the quoted clause is blanked.
 */
final class NameRule implements Rule {

    @Override
    public String name() {
        return "name";
    }

    @Override
    public List<Candidate> apply(Notes notes) {
        List<Candidate> out = new ArrayList<>();
        for (Notes.Sentence s : notes.sentences) {
            if (s.asksFaq()) {
                continue; // a question states nothing to blank
            }
            List<String> done = new ArrayList<>();
            for (Notes.Mention m : Notes.mentions(s.text())) {
                Notes.Entity e = notes.entityOf(m.name());
                if (e == null || done.contains(e.name()) || Notes.usedAsModifier(m)) {
                    continue;
                }
                done.add(e.name());
                List<Notes.Entity> same = notes.ofKind(e.kind());
                List<Notes.Entity> others = Rule.nearest(same, e, 3,
                        o -> Math.abs(o.firstPosition() - s.position()), Notes.Entity::name);
                others = others.stream().filter(o -> !Text.containsWords(s.text(), o.name())
                        && o.aliases().stream().noneMatch(a -> Text.containsWords(s.text(), a))).toList();
                if (others.size() < 2) {
                    continue;
                }
                String gapped = blank(s.text(), e);
                int at = gapped.indexOf("___");
                String prefix = e.kind().asks + " fits the gap? ";
                String window = YearRule.window(gapped, at, MAX_STEM - prefix.length() - 2);
                if (!window.contains("___") || Text.words(window).size() < 5) {
                    continue;
                }
                String stem = prefix + "“" + window + "”";
                List<String> distractors = others.stream().map(Notes.Entity::name).toList();
                double score = 2.6 + (others.size() >= 3 ? 0.4 : 0) + (window.startsWith("…") ? -0.3 : 0)
                        + (s.blockKind() == NotesBlock.Kind.BULLET ? 0.2 : 0)
                        // Two-letter abbreviations are mostly country codes ("US", "UK"): weak questions.
                        + (e.kind() == Notes.Kind.ABBREVIATION && e.name().length() <= 2 ? -1.2 : 0);
                out.add(new Candidate(name(), QuestionType.SINGLE, stem, Rule.place(e.name(), distractors, stem),
                        List.of(e.name()), Text.cut(s.text(), 200) + (Text.endsSentence(s.text()) ? "" : "."),
                        s.section().heading(), s.section().index(), s.position(), s.text(), score,
                        List.of(e.name())));
            }
        }
        return out;
    }

    /** The sentence with the entity's name and aliases (possessive kept) replaced by "___". */
    static String blank(String sentence, Notes.Entity e) {
        String out = sentence.replaceAll("(?<![\\p{L}])" + Pattern.quote(e.name()) + "(?![\\p{L}])", "___");
        for (String alias : e.aliases()) {
            out = out.replaceAll("(?<![\\p{L}_])" + Pattern.quote(alias) + "(?![\\p{L}])", "___");
        }
        return out;
    }
}
