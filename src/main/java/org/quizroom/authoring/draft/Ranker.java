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

    /** {@code proposed}: kept, answers moved for balanced key slots; {@code chosen}: the same, as the rules made them. */
    record Selection(List<Candidate> proposed, List<Candidate> more, List<Candidate> chosen) {
    }

    static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparingInt(Candidate::position).thenComparing(Candidate::rule).thenComparing(Candidate::text);

    static Selection select(List<Candidate> candidates, int sectionCount, int target) {
        return select(candidates, sectionCount, target, kept -> true);
    }

    /**
     * As {@link #select(List, int, int)}, and a candidate is only kept when {@code acceptable} still
     * holds for the kept questions with it (the quiz linter's give-away and repeated-fact checks).
     */
    static Selection select(List<Candidate> candidates, int sectionCount, int target,
                            java.util.function.Predicate<List<Candidate>> acceptable) {
        // Identity sets: a record's equals/hashCode walks every field, and these are asked n × target times.
        java.util.Set<Candidate> refused = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Candidate> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Candidate> sorted = new ArrayList<>(candidates.stream().filter(Ranker::wellFormed).toList());
        sorted.sort(BEST_FIRST);
        List<Candidate> kept = new ArrayList<>();
        int perSection = Math.max(2, (target + Math.max(1, sectionCount) - 1) / Math.max(1, sectionCount) + 3);
        int perType = Math.max(3, target * 9 / 20);
        for (int section = 0; section < sectionCount && kept.size() < target; section++) {
            for (Candidate c : sorted) {
                if (c.sectionIndex() == section && c.score() >= MIN_SCORE && fits(c, kept, perSection, perType)) {
                    if (accepts(acceptable, kept, c)) {
                        kept.add(c);
                        taken.add(c);
                        break;
                    }
                    refused.add(c);
                }
            }
        }
        // Then the best of the rest, a little less eager for a type or rule already chosen often.
        while (kept.size() < target) {
            Candidate best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Candidate c : sorted) {
                if (taken.contains(c) || refused.contains(c) || c.score() < MIN_SCORE) {
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
            if (accepts(acceptable, kept, best)) {
                kept.add(best);
                taken.add(best);
            } else {
                refused.add(best);
            }
        }
        kept.sort(IN_NOTES_ORDER);
        List<Candidate> proposed = balanceKeys(kept);
        List<Candidate> more = new ArrayList<>();
        java.util.Set<String> stems = new java.util.HashSet<>(kept.stream().map(c -> Text.normalise(c.text())).toList());
        for (Candidate c : sorted) {
            if (!taken.contains(c) && stems.add(Text.normalise(c.text()))) {
                more.add(c);
            }
        }
        return new Selection(proposed, more, List.copyOf(kept));
    }

    private static boolean accepts(java.util.function.Predicate<List<Candidate>> acceptable, List<Candidate> kept,
                                   Candidate c) {
        List<Candidate> with = new ArrayList<>(kept);
        with.add(c);
        with.sort(IN_NOTES_ORDER);
        return acceptable.test(with);
    }

    /** The order proposed questions are listed in: by section, then where their source stands. */
    static final Comparator<Candidate> IN_NOTES_ORDER = Comparator.comparingInt(Candidate::sectionIndex)
            .thenComparingInt(Candidate::position).thenComparing(Candidate::rule).thenComparing(Candidate::text);

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
        if (a.source().equals(b.source()) || normalised(a.text()).equals(normalised(b.text()))) {
            return true;
        }
        // Two yes/no questions answered "No" share a key, not a fact (as two false statements do).
        if (a.type() == b.type() && a.type() != QuestionType.TRUEFALSE && a.type() != QuestionType.POLL
                && !FaqRule.isYesNo(a) && normalised(String.join("|", a.answers())).equals(normalised(String.join("|", b.answers())))) {
            return true;
        }
        return givesAway(a, b) || givesAway(b, a);
    }

    /** Normalised texts, computed once per string: the ranker compares every pair many times. */
    private static final Map<String, String> NORMALISED = new java.util.concurrent.ConcurrentHashMap<>();

    private static String normalised(String text) {
        if (NORMALISED.size() > 50_000) {
            NORMALISED.clear();
        }
        return NORMALISED.computeIfAbsent(text, t -> " " + Text.normalise(t) + " ");
    }

    private static boolean givesAway(Candidate shown, Candidate asked) {
        for (String secret : asked.secrets()) {
            if (secret.length() >= 3 && normalised(shown.text()).contains(normalised(secret))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves each single-choice answer so the right position cycles 1st, 2nd, 3rd, 4th through the
     * quiz; a yes/no question keeps Yes before No.
     */
    private static List<Candidate> balanceKeys(List<Candidate> kept) {
        List<Candidate> out = new ArrayList<>();
        Map<Integer, Integer> next = new HashMap<>();
        for (Candidate c : kept) {
            // Yes/No stay in reading order: their key already changes slot with the answer.
            if (c.type() != QuestionType.SINGLE || FaqRule.isYesNo(c)) {
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
