package org.quizroom.report;

import java.time.Instant;
import java.util.List;

/** What the class did in one game: per player, per question, per notes section. */
public record Report(String pin, String quizId, String quizTitle, String state, Instant createdAt, Instant finishedAt,
                     int playerCount, int answerCount, List<PlayerRow> players, List<QuestionRow> questions,
                     List<SectionRow> sections) {

    public record PlayerRow(int rank, String playerId, String nickname, int score, int correctCount,
                            int answeredCount, boolean kicked) {
    }

    public record QuestionRow(int index, String text, String questionType, String section, int answered,
                              int correctCount, Integer percentCorrect, double averageResponseMs) {
    }

    /** Sections sorted with the weakest first: what to reteach. */
    public record SectionRow(String section, int questions, int answered, Integer percentCorrect) {
    }
}
