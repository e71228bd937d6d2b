package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.List;
import org.quizroom.quiz.QuestionType;

/**
 * Numbered steps (three or more in a row) → an {@code order} question; each item is the step's first
 * clause, at most 60 characters. More than six steps: six spread from first to last.
 */
final class StepsRule implements Rule {

    @Override
    public String name() {
        return "steps";
    }

    @Override
    public List<Candidate> apply(Notes notes) {
        List<Candidate> out = new ArrayList<>();
        for (Notes.Steps run : notes.steps) {
            if (run.steps().size() < 3) {
                continue;
            }
            List<String> picked = new ArrayList<>();
            int n = run.steps().size();
            int take = Math.min(6, n);
            for (int i = 0; i < take; i++) {
                picked.add(run.steps().get(take == n ? i : i * (n - 1) / (take - 1)));
            }
            List<String> items = new ArrayList<>();
            for (String step : picked) {
                String first = Text.sentences(step).get(0);
                String item = Text.capitalise(Text.cut(step.contains(":") && step.indexOf(':') < 50
                        ? step.substring(0, step.indexOf(':')) : first, 60));
                if (items.stream().anyMatch(item::equalsIgnoreCase)) {
                    break;
                }
                items.add(item);
            }
            if (items.size() < 3) {
                continue;
            }
            String stem = Text.cut("Put these steps in order: " + run.section().heading(), MAX_STEM - 1) + ".";
            out.add(new Candidate(name(), QuestionType.ORDER, stem, List.of(), items,
                    String.join(" → ", items) + ".", run.section().heading(), run.section().index(), run.position(),
                    String.join(" | ", picked), items.stream().anyMatch(i -> i.endsWith("…")) ? 3.0 : 3.8, List.of()));
        }
        return out;
    }
}
