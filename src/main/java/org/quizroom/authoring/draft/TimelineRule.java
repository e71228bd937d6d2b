package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizroom.quiz.QuestionType;

/**
 * A section with three or more dated events (different years) → an {@code order} question, earliest
 * first. When no single section has three, one question orders the notes' dated events overall,
 * filed under the section that holds most of them.
 */
final class TimelineRule implements Rule {

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public List<Candidate> apply(Notes notes) {
        List<YearRule.Dated> all = new ArrayList<>();
        for (Notes.Sentence s : notes.sentences) {
            all.addAll(YearRule.find(s, notes));
        }
        List<YearRule.Dated> distinct = distinct(all);
        List<Candidate> out = new ArrayList<>();
        Map<Outline.Section, List<YearRule.Dated>> bySection = new LinkedHashMap<>();
        for (YearRule.Dated d : distinct) {
            bySection.computeIfAbsent(d.sentence().section(), k -> new ArrayList<>()).add(d);
        }
        for (var entry : bySection.entrySet()) {
            if (entry.getValue().size() >= 3) {
                out.add(order(entry.getKey(), entry.getValue(), 4));
            }
        }
        if (out.isEmpty() && distinct.size() >= 3) {
            Outline.Section home = bySection.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<Outline.Section, List<YearRule.Dated>> e) -> e.getValue().size())
                            .thenComparing(e -> -e.getKey().index()))
                    .orElseThrow().getKey();
            out.add(order(home, distinct, 3));
        }
        return out;
    }

    /** One event per year and per label, at most six, spread over the whole span. */
    private static List<YearRule.Dated> distinct(List<YearRule.Dated> all) {
        Map<Integer, YearRule.Dated> byYear = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (YearRule.Dated d : all) {
            String key = Text.normalise(d.label());
            if (!byYear.containsKey(d.year()) && !labels.contains(key)) {
                byYear.put(d.year(), d);
                labels.add(key);
            }
        }
        List<YearRule.Dated> sorted = new ArrayList<>(byYear.values());
        sorted.sort(Comparator.comparingInt(YearRule.Dated::year));
        if (sorted.size() <= 6) {
            return sorted;
        }
        List<YearRule.Dated> spread = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            spread.add(sorted.get(i * (sorted.size() - 1) / 5));
        }
        return spread;
    }

    private Candidate order(Outline.Section section, List<YearRule.Dated> events, double score) {
        List<YearRule.Dated> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingInt(YearRule.Dated::year));
        List<String> items = sorted.stream().map(YearRule.Dated::label).toList();
        String explanation = String.join(", ", sorted.stream().map(d -> d.label() + " (" + d.year() + ")").toList()) + ".";
        String source = String.join(" | ", sorted.stream().map(d -> d.sentence().text()).distinct().toList());
        return new Candidate(name(), QuestionType.ORDER, "Put these in time order, earliest first.", List.of(), items,
                explanation, section.heading(), section.index(), sorted.get(0).sentence().position(), source,
                score + (items.size() >= 4 ? 0.5 : 0), List.of());
    }
}
