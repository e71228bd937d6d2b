package org.quizroom.live;

import java.util.List;
import org.quizroom.game.AnswerTally;
import org.quizroom.game.PlayerFinal;
import org.quizroom.game.PlayerResult;
import org.quizroom.game.PlayerView;
import org.quizroom.game.QuestionView;
import org.quizroom.game.RevealView;
import org.quizroom.game.Standing;

/** The JSON events of docs/protocol.md, one record each; {@code type} names the event. */
public final class Events {

    private Events() {
    }

    /** {@code joinLocalOnly}: the join link names this computer's loopback address, so phones cannot use it. */
    public record Lobby(String type, String pin, String quizTitle, String joinUrl, boolean locked, int playerCount,
                        boolean joinLocalOnly) {
        public Lobby(String pin, String quizTitle, String joinUrl, boolean locked, int playerCount,
                     boolean joinLocalOnly) {
            this("LOBBY", pin, quizTitle, joinUrl, locked, playerCount, joinLocalOnly);
        }
    }

    public record Players(String type, List<PlayerView> players) {
        public Players(List<PlayerView> players) {
            this("PLAYERS", players);
        }
    }

    /**
     * {@code opensInMs}: ms from now until answers open (the reading time; 0 when already open);
     * {@code remainingMs}: answer time left once they are open; {@code readingMs}: the question's whole
     * reading time; {@code image}: its picture or null.
     */
    public record Question(String type, int index, int total, String questionType, String text, List<String> choices,
                           long timeLimitMs, long remainingMs, String points, Boolean answered, long opensInMs,
                           long readingMs, Image image, com.fasterxml.jackson.databind.JsonNode yourAnswer) {
        public static Question of(QuestionView q, String pin, long opensInMs, long remainingMs, Boolean answered) {
            return of(q, pin, opensInMs, remainingMs, answered, null);
        }

        /** {@code yourAnswer}: in a player's private copy after {@code sync}, the answer they already gave, else null. */
        public static Question of(QuestionView q, String pin, long opensInMs, long remainingMs, Boolean answered,
                                  org.quizroom.quiz.Answer yourAnswer) {
            return new Question("QUESTION", q.index(), q.total(), q.type().wireName(), q.text(), q.choices(),
                    q.timeLimitMs(), remainingMs, q.points().wireName(), answered, opensInMs, q.readingMs(),
                    q.image() == null ? null : new Image(imageUrl(pin, q.index()), q.image().alt()),
                    yourAnswer == null ? null : org.quizroom.quiz.AnswerCodec.write(yourAnswer));
        }
    }

    /** A question's picture: a same-origin URL (served as an image only) and its text alternative. */
    public record Image(String url, String alt) {
    }

    /** Where the picture of question {@code index} of game {@code pin} is served. */
    public static String imageUrl(String pin, int index) {
        return "/api/games/" + pin + "/questions/" + index + "/image";
    }

    public record AnswerCount(String type, int index, int answered, int connected) {
        public AnswerCount(int index, int answered, int connected) {
            this("ANSWER_COUNT", index, answered, connected);
        }

        static AnswerCount of(org.quizroom.game.GameEvent.AnswerCounted count) {
            return new AnswerCount(count.index(), count.answered(), count.connected());
        }
    }

    public record Ack(String type, int question, boolean accepted, String code, String message) {
        public static Ack accepted(int question) {
            return new Ack("ACK", question, true, null, null);
        }

        public static Ack refused(int question, String code, String message) {
            return new Ack("ACK", question, false, code, message);
        }
    }

    public record Reveal(String type, int index, String questionType, String text, List<String> choices,
                         List<Integer> correctChoices,
                         List<Integer> correctOrder, List<String> acceptedAnswers, Double correctNumber,
                         Double tolerance, List<Integer> distribution, int answered, int correctCount,
                         int playerCount, String section, String explanation, List<AnswerTally> topAnswers) {
        /** What the class sees in place of a typed answer with a blocked word in it. */
        public static final String HIDDEN_ANSWER = "(hidden by the word filter)";
        /** Longest typed answer the class screen shows whole, in characters; a longer one is cut with "…". */
        public static final int MAX_SHOWN_ANSWER = 40;

        /**
         * The question's text and display choices ride along so a page reloaded mid-reveal can label its chart.
         * The most common typed answers go to the projector and every phone, so one with a word
         * {@code unfitForTheClass} finds (the nickname blocklist) is replaced by {@link #HIDDEN_ANSWER}, and one
         * over {@link #MAX_SHOWN_ANSWER} characters is cut, so that a 200-character answer cannot shrink the
         * whole reveal on the projector. Counts stay as they are; the teacher's report keeps every answer as typed.
         */
        public static Reveal of(RevealView r, QuestionView q, java.util.function.Predicate<String> unfitForTheClass) {
            boolean tallied = r.type() == org.quizroom.quiz.QuestionType.TYPE
                    || r.type() == org.quizroom.quiz.QuestionType.NUMBER;
            return new Reveal("REVEAL", r.index(), r.type().wireName(), q.text(), nullIfEmpty(q.choices()),
                    nullIfEmpty(r.correctChoices()),
                    nullIfEmpty(r.correctOrder()), nullIfEmpty(r.acceptedAnswers()), r.correctNumber(), r.tolerance(),
                    nullIfEmpty(r.distribution()), r.answered(), r.correctCount(), r.playerCount(), r.section(),
                    r.explanation(), tallied ? r.topAnswers().stream()
                            .map(t -> forTheClass(t, unfitForTheClass)).toList() : null);
        }

        /** Bidi controls: an override would show "kcuf" typed backwards as a word the filter never saw. */
        private static final java.util.regex.Pattern BIDI = java.util.regex.Pattern.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

        private static AnswerTally forTheClass(AnswerTally given, java.util.function.Predicate<String> unfit) {
            AnswerTally t = new AnswerTally(BIDI.matcher(given.answer()).replaceAll(""), given.count(), given.correct());
            if (unfit.test(t.answer())) {
                return new AnswerTally(HIDDEN_ANSWER, t.count(), t.correct());
            }
            var characters = com.ibm.icu.text.BreakIterator.getCharacterInstance(java.util.Locale.ROOT);
            characters.setText(t.answer());
            int end = characters.following(0);
            for (int n = 1; n < MAX_SHOWN_ANSWER && end != com.ibm.icu.text.BreakIterator.DONE; n++) {
                end = characters.next();
            }
            if (end == com.ibm.icu.text.BreakIterator.DONE || characters.next() == com.ibm.icu.text.BreakIterator.DONE) {
                return t; // at most MAX_SHOWN_ANSWER characters
            }
            return new AnswerTally(t.answer().substring(0, end).stripTrailing() + "…", t.count(), t.correct());
        }
    }

    /** {@code acceptedAs}: the accepted spelling when a typed answer was right by spelling tolerance, else absent. */
    /** {@code answer}: the player's own answer as they gave it (display indices), absent when they gave none. */
    public record Result(String type, int index, boolean answered, boolean correct, int points, int score, int streak,
                         int rank, int playerCount, String acceptedAs, com.fasterxml.jackson.databind.JsonNode answer) {
        public static Result of(PlayerResult r) {
            return new Result("RESULT", r.index(), r.answered(), r.correct(), r.points(), r.score(), r.streak(),
                    r.rank(), r.playerCount(), r.toleratedAs(),
                    r.answer() == null ? null : org.quizroom.quiz.AnswerCodec.write(r.answer()));
        }
    }

    public record Place(int rank, String playerId, String nickname, int score) {
        static List<Place> of(List<Standing> standings) {
            return standings.stream().map(s -> new Place(s.rank(), s.playerId(), s.nickname(), s.score())).toList();
        }
    }

    public record Leaderboard(String type, int index, int total, List<Place> top) {
        public Leaderboard(int index, int total, List<Standing> top) {
            this("LEADERBOARD", index, total, Place.of(top));
        }
    }

    public record Finished(String type, List<Place> podium, int playerCount) {
        public Finished(List<Standing> podium, int playerCount) {
            this("FINISHED", Place.of(podium), playerCount);
        }
    }

    public record Final(String type, int rank, int score, int playerCount, int correctCount, int questionCount,
                        int questionsAnswerable) {
        public static Final of(PlayerFinal f) {
            return new Final("FINAL", f.rank(), f.score(), f.playerCount(), f.correctCount(), f.questionCount(),
                    f.questionsAnswerable());
        }
    }

    public record You(String playerId, String nickname, int score, int streak, Integer rank) {
    }

    public record State(String type, String phase, String pin, String quizTitle, You you) {
        public State(String phase, String pin, String quizTitle, You you) {
            this("STATE", phase, pin, quizTitle, you);
        }
    }

    public record Ping(String type, long seq) {
        public Ping(long seq) {
            this("PING", seq);
        }
    }

    public record Kicked(String type, String message) {
        public Kicked() {
            this("KICKED", "The teacher removed you from this game.");
        }
    }

    public record Error(String type, String code, String message) {
        public Error(String code, String message) {
            this("ERROR", code, message);
        }
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }
}
