package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/** One deterministic way of turning facts in the notes into candidate questions. */
interface Rule {

    /** The name shown with each question it makes (e.g. {@code term}). */
    String name();

    /** Candidates in document order; the same notes always give the same list. */
    List<Candidate> apply(Notes notes);

    /** Longest stem, in characters (the editor and the linter aim for 120). */
    int MAX_STEM = 120;

    /** Longest choice or order item, in characters (the quiz format allows 80). */
    int MAX_CHOICE = 80;

    /** Up to {@code count} distinct items other than {@code answer}, nearest first by {@code distance}. */
    static <T> List<T> nearest(List<T> pool, T answer, int count, ToIntFunction<T> distance,
                               java.util.function.Function<T, String> label) {
        List<T> sorted = new ArrayList<>(pool);
        sorted.remove(answer);
        sorted.sort(Comparator.comparingInt(distance));
        List<T> out = new ArrayList<>();
        List<String> seen = new ArrayList<>(List.of(Text.normalise(label.apply(answer))));
        for (T t : sorted) {
            String key = Text.normalise(label.apply(t));
            if (!seen.contains(key) && !key.isEmpty()) {
                seen.add(key);
                out.add(t);
            }
            if (out.size() == count) {
                break;
            }
        }
        return out;
    }

    /** The answer placed among the distractors at a position derived from the stem (stable, not always first). */
    static List<String> place(String answer, List<String> distractors, String stem) {
        List<String> choices = new ArrayList<>(distractors);
        int at = Math.floorMod(stem.hashCode(), choices.size() + 1);
        choices.add(at, answer);
        return choices;
    }

    /** {@code “text”} cut so that {@code prefix + quote} fits {@link #MAX_STEM}. */
    static String quoted(String prefix, String text) {
        return prefix + "“" + Text.cut(text, MAX_STEM - prefix.length() - 3) + "”";
    }
}
