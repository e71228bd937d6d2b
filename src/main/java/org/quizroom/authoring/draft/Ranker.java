package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quizroom.quiz.QuestionType;

/**
 * Picks the proposed questions from the candidates: first the best question of every section (so
 * every section is covered), then the best of the rest up to the target, with caps per section
 * (an even share plus three), per type (45 % of the target) and two polls. A candidate is passed over
 * when it would give another kept question away (its stem shows the other's answer or the other way
 * round), repeats another's answer or source sentence, or scores below {@link #MIN_SCORE}. Ties are
 * broken by position in the notes, so the same notes always give the same draft.
 */
final class Ranker {

    /** Candidates below this score are never proposed, only listed under "more". */
    static final double MIN_SCORE = 1.2;

    record Selection(List<Candidate> proposed, List<Candidate> more) {
    }

    static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparingInt(Candidate::position).thenComparing(Candidate::rule).thenComparing(Candidate::text);

    static Selection select(List<Candidate> candidates, int sectionCount, int target) {
        List<Candidate> sorted = new ArrayList<>(candidates.stream().filter(Ranker::wellFormed).toList());
        sorted.sort(BEST_FIRST);
        List<Candidate> kept = new ArrayList<>();
        int perSection = Math.max(2, (target + Math.max(1, sectionCount) - 1) / Math.max(1, sectionCount) + 3);
        int perType = Math.max(3, target * 9 / 20);
        for (int section = 0; section < sectionCount && kept.size() < target; section++) {
            for (Candidate c : sorted) {
                if (c.sectionIndex() == section && c.score() >= MIN_SCORE && fits(c, kept, perSection, perType)) {
                    kept.add(c);
                    break;
                }
            }
        }
        // Then the best of the rest, a little less eager for a type or rule already chosen often.
        while (kept.size() < target) {
            Candidate best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Candidate c : sorted) {
                if (kept.contains(c) || c.score() < MIN_SCORE) {
                    continue;
                }
                double effective = c.score() - 0.12 * kept.stream().filter(k -> k.type() == c.type()).count()
                        - 0.12 * kept.stream().filter(k -> k.rule().equals(c.rule())).count();
                if (effective > bestScore && fits(c, kept, perSection, perType)) {
                    best = c;
                    bestScore = effective;
                }
            }
            if (best == null) {
                break;
            }
            kept.add(best);
        }
        kept.sort(Comparator.comparingInt(Candidate::sectionIndex).thenComparingInt(Candidate::position)
                .thenComparing(BEST_FIRST));
        List<Candidate> proposed = balanceKeys(kept);
        List<Candidate> more = new ArrayList<>();
        List<String> stems = new ArrayList<>(kept.stream().map(c -> Text.normalise(c.text())).toList());
        for (Candidate c : sorted) {
            if (!kept.contains(c) && !stems.contains(Text.normalise(c.text()))) {
                stems.add(Text.normalise(c.text()));
                more.add(c);
            }
        }
        return new Selection(proposed, more);
    }

    static boolean wellFormed(Candidate c) {
        if (c.text().length() > Rule.MAX_STEM || c.text().isBlank()) {
            return false;
        }
        if (c.type() == QuestionType.SINGLE || c.type() == QuestionType.POLL) {
            long distinct = c.choices().stream().map(String::strip).distinct().count();
            return distinct == c.choices().size() && c.choices().size() >= 2 && c.choices().size() <= 6
                    && c.choices().stream().allMatch(x -> !x.isBlank() && x.length() <= Rule.MAX_CHOICE);
        }
        if (c.type() == QuestionType.ORDER) {
            return c.answers().size() >= 3 && c.answers().size() <= 6
                    && c.answers().stream().distinct().count() == c.answers().size()
                    && c.answers().stream().allMatch(x -> x.length() <= Rule.MAX_CHOICE);
        }
        return !c.answers().isEmpty();
    }

    private static boolean fits(Candidate c, List<Candidate> kept, int perSection, int perType) {
        int inSection = 0;
        int ofType = 0;
        int polls = 0;
        for (Candidate k : kept) {
            if (k.sectionIndex() == c.sectionIndex()) {
                inSection++;
            }
            if (k.type() == c.type()) {
                ofType++;
            }
            if (k.type() == QuestionType.POLL) {
                polls++;
            }
            if (conflicts(c, k)) {
                return false;
            }
        }
        return inSection < perSection && ofType < perType && (c.type() != QuestionType.POLL || polls < 2);
    }

    /** Whether two questions should not both be asked: same source, same answer, or one gives the other away. */
    static boolean conflicts(Candidate a, Candidate b) {
        if (a.source().equals(b.source()) || Text.normalise(a.text()).equals(Text.normalise(b.text()))) {
            return true;
        }
        if (a.type() == b.type() && a.type() != QuestionType.TRUEFALSE && a.type() != QuestionType.POLL
                && Text.normalise(String.join("|", a.answers())).equals(Text.normalise(String.join("|", b.answers())))) {
            return true;
        }
        return givesAway(a, b) || givesAway(b, a);
    }

    private static boolean givesAway(Candidate shown, Candidate asked) {
        for (String secret : asked.secrets()) {
            if (secret.length() >= 3 && Text.containsWords(shown.text(), secret)) {
                return true;
            }
        }
        return false;
    }

    /** Moves each single-choice answer so the right position cycles 1st, 2nd, 3rd, 4th through the quiz. */
    private static List<Candidate> balanceKeys(List<Candidate> kept) {
        List<Candidate> out = new ArrayList<>();
        Map<Integer, Integer> next = new HashMap<>();
        for (Candidate c : kept) {
            if (c.type() != QuestionType.SINGLE) {
                out.add(c);
                continue;
            }
            String answer = c.answers().get(0);
            List<String> distractors = new ArrayList<>(c.choices());
            distractors.remove(answer);
            int n = c.choices().size();
            int at = next.merge(n, 1, Integer::sum) - 1;
            distractors.add(Math.floorMod(at, n), answer);
            out.add(c.withChoices(distractors));
        }
        return out;
    }
}
