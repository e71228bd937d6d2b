package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizroom.quiz.QuestionType;

/**
 * Statements in paragraphs (FAQ answers, summaries) → {@code truefalse}. A true question states the
 * sentence (cut at a clause); a false one swaps a year for another year of the notes, or a name for
 * another name of the same kind from the notes. Never by adding "never"/"always": a false statement
 * must be false because of a fact a student can learn from the notes. Sentences that lean on the
 * one before ("This …", "They …") are skipped; they mean nothing alone.
 */
final class StatementRule implements Rule {

    @Override
    public String name() {
        return "statement";
    }

    @Override
    public List<Candidate> apply(Notes notes) {
        List<Integer> years = new ArrayList<>();
        for (Notes.Sentence s : notes.sentences) {
            Matcher m = YearRule.YEAR.matcher(s.text());
            while (m.find()) {
                int y = Integer.parseInt(m.group(1));
                if (!years.contains(y)) {
                    years.add(y);
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        int n = 0;
        for (Notes.Sentence s : notes.sentences) {
            if (s.blockKind() != NotesBlock.Kind.PARAGRAPH || !eligible(s.text())) {
                continue;
            }
            String statement = Text.cutStatement(s.text(), MAX_STEM - 1);
            if (statement == null || !Text.hasVerb(statement)) {
                continue;
            }
            statement = statement + ".";
            boolean faqLike = paragraphHeavy(s.section());
            String swapped = (n++ % 2 == 0) ? falseVersion(statement, notes, years) : null;
            double score = 1.8 + (faqLike ? 0.5 : 0) + (Notes.mentions(statement).isEmpty() ? -0.6 : 0.3);
            String explanation = Text.cut(s.text(), 200) + (Text.endsSentence(s.text()) ? "" : ".");
            if (swapped != null) {
                out.add(new Candidate(name(), QuestionType.TRUEFALSE, swapped, List.of(), List.of("false"),
                        "False. " + explanation, s.section().heading(), s.section().index(), s.position(), s.text(),
                        score + (YearRule.YEAR.matcher(swapped).find() ? 0.3 : 0), List.of()));
            } else {
                out.add(new Candidate(name(), QuestionType.TRUEFALSE, statement, List.of(), List.of("true"),
                        "True. " + explanation, s.section().heading(), s.section().index(), s.position(), s.text(),
                        score, List.of()));
            }
        }
        return out;
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

    /** The statement with one year or one name swapped for a sibling from the notes, or null. */
    static String falseVersion(String statement, Notes notes, List<Integer> years) {
        Matcher y = YearRule.YEAR.matcher(statement);
        if (y.find()) {
            int year = Integer.parseInt(y.group(1));
            // A year at least three away: a one-year slip would be unfair, not false.
            Integer other = years.stream().filter(o -> Math.abs(o - year) >= 3 && !statement.contains(Integer.toString(o)))
                    .min(Comparator.comparingInt((Integer o) -> Math.abs(o - year)).thenComparingInt(o -> o))
                    .orElse(null);
            if (other != null) {
                return statement.substring(0, y.start()) + other + statement.substring(y.end());
            }
        }
        for (Notes.Mention m : Notes.mentions(statement)) {
            Notes.Entity e = notes.entityOf(m.name());
            if (e == null || Notes.usedAsModifier(m)) {
                continue;
            }
            boolean byAlias = !m.name().equals(e.name());
            for (Notes.Entity o : Rule.nearest(notes.ofKind(e.kind()), e, 5,
                    x -> Math.abs(x.firstPosition() - e.firstPosition()), Notes.Entity::name)) {
                String replacement = byAlias && !o.aliases().isEmpty() ? o.aliases().get(0) : o.name();
                if (!Text.containsWords(statement, replacement)
                        && o.aliases().stream().noneMatch(a -> Text.containsWords(statement, a))) {
                    return statement.substring(0, m.start()) + replacement + statement.substring(m.end());
                }
            }
        }
        return null;
    }
}
