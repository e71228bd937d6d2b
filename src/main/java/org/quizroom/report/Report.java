package org.quizroom.report;

import java.time.Instant;
import java.util.List;

/**
 * What the class did in one game, built from what is stored (so the same before and after a restart).
 *
 * <p>Class figures (summary, sections, questions) count only players the teacher did not remove;
 * removed players appear once in {@code players}, marked {@code kicked}, with their own answers.
 * Percentages are whole numbers 0–100 (null when nothing was answered), times are milliseconds,
 * scores and points are game points.
 *
 * @param originPin     the game this one is a practice of, or null
 * @param practicePins  practice games opened from this one, oldest first
 * @param answerCount   stored answers, removed players' included
 * @param playerCount   players not removed
 */
public record Report(String pin, String quizId, String quizTitle, String state, Instant createdAt, Instant finishedAt,
                     String originPin, List<String> practicePins, int playerCount, int answerCount, Summary summary,
                     List<PlayerRow> players, List<QuestionRow> questions, List<SectionRow> sections) {

    /**
     * The class at a glance.
     *
     * @param questionsAsked questions opened during the game (skipped ones included)
     * @param accuracyPercent correct answers out of answers to scored questions
     * @param medianAnswerMs  median response time over every answer, polls included; null without answers
     * @param scoreHistogram  final scores of the players not removed, in equal-width bands
     */
    public record Summary(int players, int removedPlayers, int questionsAsked, int questionsInQuiz, double averageScore,
                          Integer accuracyPercent, Long medianAnswerMs, List<ScoreBand> scoreHistogram) {
    }

    /** Players whose final score is in {@code [from, to]} (both inclusive). */
    public record ScoreBand(int from, int to, int players) {
    }

    /**
     * One student. {@code rank} is null for a removed player; the tie order is the engine's (equal
     * scores: less total answer time first), so it matches the FINAL rank the phone showed.
     *
     * @param weakestSection the section with the lowest share of right answers over the scored questions the
     *                       class answered (a question this student left unanswered counts as not right; a
     *                       question nobody answered does not count); ties go to the class's weaker section;
     *                       null when there is no such question, and for a removed student (their missing
     *                       answers after removal say nothing)
     * @param networkAllowanceMs the median network delay forgiven on this student's answers, in ms (their
     *                       phone's round trip, capped; issue 16): a room with uneven Wi-Fi shows here;
     *                       null without answers
     */
    public record PlayerRow(Integer rank, String playerId, String nickname, int score, int correctCount,
                            int answeredCount, boolean kicked, String weakestSection, Long networkAllowanceMs,
                            List<PlayerAnswer> answers) {
    }

    /**
     * One asked question for one student; {@code answer} is null (and so are the times) when they did not
     * answer. Times in ms: {@code rawMs} from the server sending the question to that phone to the answer
     * arriving, {@code networkAllowanceMs} the network delay forgiven (issue 16), and {@code responseMs} the
     * time the score was computed from: {@code rawMs − networkAllowanceMs}, kept within [0, time limit].
     */
    public record PlayerAnswer(int question, String answer, Boolean correct, int points, Long responseMs,
                               Long rawMs, Long networkAllowanceMs) {
    }

    /**
     * One asked question.
     *
     * @param answered        answers from players not removed
     * @param notAnswered     players not removed who gave no answer (skipped questions and late joiners included)
     * @param accuracyPercent right answers out of answers; null for polls and unanswered questions
     * @param medianMs        median response time of its answers; null without answers
     * @param distribution    for choice questions every choice in file order (multi: how many picked it);
     *                        for typed, number and order questions the most common answers, commonest first
     * @param commonWrongAnswer the wrong answer given most often, or null
     * @param warnings        reasons the question itself may be unfair (e.g. the key may be wrong)
     */
    public record QuestionRow(int index, String text, String questionType, String section, String correctAnswer,
                              int answered, int correctCount, int notAnswered, Integer accuracyPercent, Long medianMs,
                              List<AnswerCount> distribution, String commonWrongAnswer, int commonWrongCount,
                              List<String> warnings) {
    }

    /**
     * An answer and how many gave it. {@code nearMiss}: marked right although it is not exactly one of
     * the accepted spellings once case, accents and punctuation are folded, i.e. it was let through by
     * the spelling tolerance (issue 11); always false while no tolerance exists.
     */
    public record AnswerCount(String answer, int count, boolean correct, boolean nearMiss) {
    }

    /**
     * One notes section, weakest first (sections nobody answered last).
     *
     * @param answers         answers its mastery rests on
     * @param masteryPercent  right answers out of {@code answers}; null when nobody answered
     * @param questionIndexes its asked scored questions, weakest first: the ones to reteach
     */
    public record SectionRow(String section, int questions, int answers, int correct, Integer masteryPercent,
                             List<Integer> questionIndexes) {
    }
}
