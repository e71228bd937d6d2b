package org.quizroom.quiz;

/**
 * Why a quiz file could not be loaded: the file, the 1-based question number (null when the
 * problem is outside the questions) and the field at fault.
 */
public record QuizProblem(String file, Integer question, String field, String message) {

    @Override
    public String toString() {
        var where = new StringBuilder(file);
        if (question != null) {
            where.append(", question ").append(question);
        }
        if (field != null) {
            where.append(", field '").append(field).append('\'');
        }
        return where + ": " + message;
    }
}
