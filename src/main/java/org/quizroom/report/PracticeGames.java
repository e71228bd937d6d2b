package org.quizroom.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.quizroom.live.GameHub;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.Quiz;
import org.quizroom.store.GameStore;
import org.quizroom.store.StoredGame;
import org.quizroom.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * "Practise what we missed": a new game of the questions a class did worst on, remembered as a
 * practice of the first game so its report compares with it.
 */
@Service
public class PracticeGames {

    /** Below this share of right answers a question is practised, unless the teacher says otherwise. */
    public static final int DEFAULT_THRESHOLD_PERCENT = 60;
    /** With fewer missed questions than this, their sections' other questions are added. */
    static final int MIN_QUESTIONS = 5;

    private final GameStore store;
    private final GameHub hub;
    private final ReportService reports;

    public PracticeGames(GameStore store, GameHub hub, ReportService reports) {
        this.store = store;
        this.hub = hub;
        this.reports = reports;
    }

    /** What a practice game was built from, returned with its host key. */
    public record Practice(String pin, String hostToken, String joinUrl, String originPin, int missed,
                           List<Integer> questionNumbers) {
    }

    /**
     * Opens the practice game of {@code originPin}.
     *
     * @param thresholdPercent a question is missed when fewer than this percent of its answers were right (1–100)
     * @return the new game; {@code questionNumbers} are 1-based numbers in the first game's quiz
     * @throws ApiException 400 BAD_THRESHOLD outside 1–100; 409 NOTHING_TO_PRACTISE when no answered
     *                      question is below the threshold
     */
    public Practice open(String originPin, int thresholdPercent) {
        if (thresholdPercent < 1 || thresholdPercent > 100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_THRESHOLD",
                    "The threshold is a percentage from 1 to 100.");
        }
        StoredGame origin = store.findGame(originPin).orElseThrow(() -> new org.quizroom.live.UnknownGameException(originPin));
        Report report = reports.report(originPin).orElseThrow();
        List<Integer> picked = select(origin.quiz(), report, thresholdPercent);
        if (picked.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "NOTHING_TO_PRACTISE", "No answered question was below "
                    + thresholdPercent + "% correct. Raise the threshold to practise more.");
        }
        int missed = (int) report.questions().stream().filter(q -> missed(q, thresholdPercent)).count();
        List<Question> questions = picked.stream().map(origin.quiz().questions()::get).toList();
        String title = origin.quizTitle().startsWith("Practice: ") ? origin.quizTitle()
                : "Practice: " + origin.quizTitle();
        Quiz quiz = new Quiz(origin.quizId(), title, origin.quiz().description(), questions);
        GameHub.Created created = hub.createGame(quiz, origin.options());
        store.setOrigin(created.pin(), originPin);
        return new Practice(created.pin(), created.hostToken(), created.joinUrl(), originPin, missed,
                picked.stream().map(i -> i + 1).toList());
    }

    /**
     * The questions to practise, as indexes into the quiz in quiz order: every scored question answered
     * by somebody with accuracy below the threshold, then, while there are fewer than five, every other
     * scored question of their sections.
     */
    static List<Integer> select(Quiz quiz, Report report, int thresholdPercent) {
        Set<Integer> chosen = report.questions().stream().filter(q -> missed(q, thresholdPercent))
                .map(Report.QuestionRow::index).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!chosen.isEmpty() && chosen.size() < MIN_QUESTIONS) {
            Set<String> sections = chosen.stream().map(i -> quiz.questions().get(i).section())
                    .collect(Collectors.toSet());
            for (int i = 0; i < quiz.questions().size(); i++) {
                Question q = quiz.questions().get(i);
                if (q.type().isScored() && sections.contains(q.section())) {
                    chosen.add(i);
                }
            }
        }
        List<Integer> ordered = new ArrayList<>(chosen);
        ordered.sort(Integer::compare);
        return ordered;
    }

    private static boolean missed(Report.QuestionRow q, int thresholdPercent) {
        return q.accuracyPercent() != null && q.accuracyPercent() < thresholdPercent;
    }
}
