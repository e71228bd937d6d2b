package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizroom.quiz.QuestionType;

/**
 * Key terms defined in the notes → {@code type} questions whose accepted answers cover British and
 * American spelling, hyphenation and a leading article. Definitions are found three ways: an
 * abbreviation spelled out ("the Non-Aligned Movement (NAM)" → "What does NAM stand for?"), a
 * sentence "X is/are a/an/the …", and a {@code Term: description} bullet whose term is short and
 * used again elsewhere in the notes (a key term, not a label). A definition that already contains
 * the term is skipped: it would give the answer away.
 */
final class DefinitionRule implements Rule {

    private static final Pattern SPELLED_OUT = Pattern.compile(
            "((?:[A-Z][\\p{L}'’\\-]+\\s+)(?:(?:of|the|and|for|on)\\s+|[A-Z][\\p{L}'’\\-]+\\s+){0,5}[A-Z][\\p{L}'’\\-]+)\\s*\\(([A-Z][A-Z0-9]{1,6})\\)");
    private static final Pattern IS_A = Pattern.compile(
            "^(?:The\\s+)?([\\p{L}][\\p{L}\\-’']*(?:\\s+[\\p{L}][\\p{L}\\-’']*){0,2})\\s+(?:is|are|refers to|means)\\s+((?:a|an|the)\\s+.{12,})$");
    private static final Pattern PREFIX = Pattern.compile("(?i)^(doctrine|policy|theory|law|principle|process|concept|idea|stage|rule) of\\s+");

    @Override
    public String name() {
        return "definition";
    }

    @Override
    public List<Candidate> apply(Notes notes) {
        List<Candidate> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Notes.Sentence s : notes.sentences) {
            Matcher m = SPELLED_OUT.matcher(s.text());
            while (m.find()) {
                String full = Text.withoutArticle(m.group(1));
                String abbr = m.group(2);
                if (seen.contains(abbr) || Text.words(full).size() < 2) {
                    continue;
                }
                seen.add(abbr);
                out.add(new Candidate(name(), QuestionType.TYPE, "What does " + abbr + " stand for?",
                        List.of(), Text.variants(full), abbr + " stands for " + full + ".", s.section().heading(),
                        s.section().index(), s.position(), s.text(), 3.2, List.of(full)));
            }
            Matcher is = IS_A.matcher(Text.stripEnd(s.text()));
            if (s.firstOfBlock() && is.matches()) {
                String term = is.group(1);
                String definition = is.group(2);
                String lower = term.toLowerCase(Locale.ROOT);
                if (!Text.STARTER_PRONOUNS.contains(Text.words(lower).get(0)) && !Text.containsWords(definition, term)
                        && !TermRule.sharesMainWord(term, definition) && !seen.contains(lower)) {
                    seen.add(lower);
                    out.add(type(Rule.quoted("Which term means: ", definition), term, s.section(), s.position(),
                            s.text(), 3.3, Text.cut(s.text(), 200) + "."));
                }
            }
        }
        // Every sentence normalised once: each term is looked for in all of them.
        List<String> normalisedSentences = notes.sentences.stream().map(s -> " " + Text.normalise(s.text()) + " ").toList();
        for (Notes.Term t : notes.terms) {
            String key = PREFIX.matcher(t.term()).replaceFirst("");
            List<String> words = Text.words(key);
            String lower = key.toLowerCase(Locale.ROOT);
            if (words.isEmpty() || words.size() > 3 || key.contains("'") || key.contains("’") || seen.contains(lower)
                    || key.chars().anyMatch(Character::isDigit) || notes.entityOf(key) != null) {
                continue;
            }
            String needle = " " + Text.normalise(key) + " ";
            boolean usedElsewhere = false;
            for (int i = 0; i < normalisedSentences.size() && !usedElsewhere; i++) {
                usedElsewhere = notes.sentences.get(i).position() != t.position()
                        && needle.length() > 2 && normalisedSentences.get(i).contains(needle);
            }
            boolean giveaway = Text.containsWords(t.description(), key) || TermRule.sharesMainWord(key, t.description());
            if ((usedElsewhere || words.size() == 1) && !giveaway) {
                seen.add(lower);
                out.add(type(Rule.quoted("Which term do the notes use for this? ", t.description()), key, t.section(),
                        t.position(), t.source(), usedElsewhere ? 3.4 : 2.6, TermRule.explanation(t)));
            }
        }
        return out;
    }

    private Candidate type(String stem, String term, Outline.Section section, int position, String source,
                           double score, String explanation) {
        return new Candidate(name(), QuestionType.TYPE, stem, List.of(), Text.variants(term), explanation,
                section.heading(), section.index(), position, source, score, List.of(Text.withoutArticle(term)));
    }
}
