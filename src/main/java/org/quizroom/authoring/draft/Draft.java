package org.quizroom.authoring.draft;

import java.util.List;
import java.util.Map;

/**
 * A draft quiz made from notes, as the API returns it.
 *
 * @param title     the notes' own title (Word "Title", or their only level-1 heading), else the
 *                  file's name, else "Draft from notes"; never merely the first section's heading
 * @param sections  every section found, in order, with how many questions are proposed from it
 * @param questions the proposed questions (about 30), in notes order, each with status "draft"
 * @param more      the other candidates, best first, for the teacher to pull in
 * @param counts    proposed questions per type (wire names)
 * @param quiz      the proposed questions as a quiz in the quiz file's shape (no sources)
 * @param yaml      the same quiz as a YAML file that loads without problems
 */
public record Draft(String title, List<SectionSummary> sections, List<DraftQuestion> questions,
                    List<DraftQuestion> more, Map<String, Integer> counts, Map<String, Object> quiz, String yaml) {

    /** A heading of the notes, the questions proposed from it and the candidates found under it. */
    public record SectionSummary(String heading, int proposed, int candidates) {
    }

    /**
     * One question of the draft.
     *
     * @param id       stable within this draft ("q1" proposed, "m1" more)
     * @param status   "draft" until the teacher accepts, edits or discards it (in the editor)
     * @param section  the nearest heading above the source
     * @param source   the sentence or bullet of the notes it came from; shown in the editor, never saved
     * @param rule     the rule that made it (term, term-reverse, definition, year, timeline, name,
     *                 statement, prompt, steps)
     * @param score    the ranking score (higher is better)
     * @param question the question in the quiz file's field names
     */
    public record DraftQuestion(String id, String status, String section, String source, String rule, double score,
                                Map<String, Object> question) {
    }
}
