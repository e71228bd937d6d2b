package org.quizroom.authoring.draft;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizroom.quiz.QuestionType;

/**
 * One question a rule proposes, before ranking.
 *
 * @param rule        the rule's name (e.g. {@code term}, {@code year}); shown to the teacher
 * @param type        the quiz question type
 * @param text        the stem, at most 120 characters
 * @param choices     choices for single/poll (answer included, in display order), empty otherwise
 * @param answers     single: the one right choice; type: accepted answers; truefalse: "true"/"false";
 *                    number: the number as text; order: the items in the right order; poll: empty
 * @param explanation shown after the answer (poll: may be null)
 * @param section     the heading of the notes section the question tests
 * @param sectionIndex that section's position, from 0
 * @param position    the source's position in the notes (for document order)
 * @param source      the notes sentence or bullet the question came from (editor only)
 * @param score       the rule's estimate of quality; higher is better
 * @param secrets     strings that would give this question away if another question's stem showed them
 */
public record Candidate(String rule, QuestionType type, String text, List<String> choices, List<String> answers,
                        String explanation, String section, int sectionIndex, int position, String source,
                        double score, List<String> secrets) {

    public Candidate {
        choices = List.copyOf(choices);
        answers = List.copyOf(answers);
        secrets = List.copyOf(secrets);
    }

    Candidate withScore(double newScore) {
        return new Candidate(rule, type, text, choices, answers, explanation, section, sectionIndex, position, source,
                newScore, secrets);
    }

    Candidate withChoices(List<String> newChoices) {
        return new Candidate(rule, type, text, newChoices, answers, explanation, section, sectionIndex, position,
                source, score, secrets);
    }

    /** The question in the quiz file's field names (the same shape as YAML, for JSON and the editor). */
    public Map<String, Object> toQuizMap() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("type", type.wireName());
        q.put("text", text);
        switch (type) {
            case SINGLE -> {
                q.put("choices", choices);
                q.put("answer", answers.get(0));
            }
            case POLL -> q.put("choices", choices);
            case TYPE -> q.put("answers", answers);
            case TRUEFALSE -> q.put("answer", Boolean.parseBoolean(answers.get(0)));
            case NUMBER -> {
                q.put("answer", Integer.parseInt(answers.get(0)));
                q.put("tolerance", 0);
            }
            case ORDER -> q.put("items", answers);
            default -> throw new IllegalStateException("rules do not make " + type);
        }
        if (type == QuestionType.ORDER || type == QuestionType.TYPE) {
            q.put("time", 30);
        }
        q.put("section", section);
        if (explanation != null && !explanation.isBlank()) {
            q.put("explanation", explanation);
        }
        return q;
    }
}
