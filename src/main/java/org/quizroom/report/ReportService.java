package org.quizroom.report;

import java.util.Optional;
import org.quizroom.store.GameStore;
import org.springframework.stereotype.Service;

/** Loads a game's rows from the database and hands them to {@link ReportStatistics}. */
@Service
public class ReportService {

    private final GameStore store;

    public ReportService(GameStore store) {
        this.store = store;
    }

    public boolean exists(String pin) {
        return store.pinExists(pin);
    }

    /** The report of game {@code pin}, empty when there is no such game. */
    public Optional<Report> report(String pin) {
        return store.findGame(pin).map(game -> ReportStatistics.build(game, store.players(pin), store.answers(pin),
                store.originOf(pin).orElse(null), store.practiceGamesOf(pin)));
    }
}
