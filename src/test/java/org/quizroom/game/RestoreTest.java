package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.game.GameFixture.only;
import static org.quizroom.game.GameFixture.picks;
import static org.quizroom.quiz.Questions.multi;
import static org.quizroom.quiz.Questions.poll;
import static org.quizroom.quiz.Questions.quiz;
import static org.quizroom.quiz.Questions.single;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.Answer;
import org.quizroom.quiz.Quiz;
import org.quizroom.support.TestClock;

/** A game rebuilt from what was stored carries on exactly where it was. */
class RestoreTest {

    private static final GameOptions SHUFFLED = GameFixture.options(true, true, true, true, 1.0);

    private static final Quiz QUIZ = quiz(
            single("1?", 0, "a", "b", "c", "d"),
            single("2?", 1, "a", "b", "c", "d"),
            multi("3?", List.of(0, 2), "a", "b", "c", "d"),
            poll("4?", "x", "y", "z"),
            single("5?", 3, "a", "b", "c", "d"),
            single("6?", 2, "a", "b", "c", "d"));

    /** The original game, recording what the live layer would store. */
    private final GameFixture live = new GameFixture(QUIZ, SHUFFLED);
    private final Map<String, Game.RestoredPlayer> roster = new LinkedHashMap<>();
    private final List<AcceptedAnswer> stored = new ArrayList<>();

    private final String ann = join("Ann");
    private final String bob = join("Bob");
    private final String cat = join("Cat");
    private final String dan = join("Dan");

    private String join(String nickname) {
        String id = live.join(nickname);
        roster.put(id, new Game.RestoredPlayer(id, nickname, false));
        return id;
    }

    private void kick(String id) {
        live.game.kick(id);
        Game.RestoredPlayer p = roster.get(id);
        roster.put(id, new Game.RestoredPlayer(id, p.nickname(), true));
    }

    /** Answers with the display index of the file's choice. */
    private void answer(String id, int fileChoice) {
        stored.add(live.answerFileChoice(id, fileChoice).accepted());
    }

    private void answerMulti(String id, int... fileChoices) {
        Integer[] display = java.util.Arrays.stream(fileChoices)
                .mapToObj(c -> live.displayIndexOf(live.game.questionIndex(), c)).toArray(Integer[]::new);
        stored.add(live.answer(id, picks(display)).accepted());
    }

    private void nextQuestion() {
        if (live.game.phase() == Phase.QUESTION) {
            live.game.skip();
        }
        live.game.next();
        live.game.next();
    }

    /** Plays questions 1-3 (streaks, a wrong answer, a miss, partial multi) and closes question 3. */
    private void playFirstThree() {
        live.game.start();
        live.advanceMs(2_000);
        answer(ann, 0);
        answer(bob, 0);
        live.advanceMs(3_000);
        answer(cat, 1);
        nextQuestion();
        live.advanceMs(1_000);
        answer(ann, 1);
        answer(cat, 1);
        live.advanceMs(6_000);
        answer(bob, 2);
        nextQuestion();
        live.advanceMs(4_000);
        answerMulti(ann, 0, 2);
        answerMulti(bob, 0);
        answerMulti(dan, 0, 1, 2);
        live.game.skip();
    }

    private Game restore(Phase phase, int index, boolean locked) {
        GameFixture fresh = new GameFixture(QUIZ, SHUFFLED, GameSettings.defaults(), GameFixture.SEED);
        fresh.clock.set(live.clock.instant().plusSeconds(120));
        // What the live layer stores at each close: who had the question open but did not answer.
        Map<String, java.util.Set<Integer>> missed = new java.util.HashMap<>();
        int lastClosed = phase == Phase.QUESTION ? index - 1 : phase == Phase.LOBBY ? -1 : index;
        for (int q = 0; q <= lastClosed; q++) {
            int question = q;
            live.game.missedBy(q).forEach(id -> missed.computeIfAbsent(id, k -> new java.util.HashSet<>()).add(question));
        }
        List<Game.RestoredPlayer> players = roster.values().stream().map(p -> new Game.RestoredPlayer(p.playerId(),
                p.nickname(), p.kicked(), missed.getOrDefault(p.playerId(), java.util.Set.of()))).toList();
        fresh.game.restore(players, List.copyOf(stored), phase, index, locked);
        restoredClock = fresh.clock;
        return fresh.game;
    }

    private TestClock restoredClock;

    private Game restoreAsStored() {
        return restore(live.game.phase(), live.game.questionIndex(), live.game.locked());
    }

    private static List<Object> scoresAndStreaks(Game game) {
        return game.players().stream().map(p -> List.of(p.playerId(), p.nickname(), p.score(), p.streak()))
                .map(Object.class::cast).toList();
    }

    @Test
    void aGameRestoredInTheRevealHasTheSameScoresStreaksAndStandings() {
        playFirstThree();
        assertThat(live.streak(ann)).as("Ann is on a streak of 3").isEqualTo(3);

        Game restored = restoreAsStored();

        assertThat(restored.phase()).isEqualTo(Phase.REVEAL);
        assertThat(restored.questionIndex()).isEqualTo(2);
        assertThat(scoresAndStreaks(restored)).isEqualTo(scoresAndStreaks(live.game));
        assertThat(restored.standings()).isEqualTo(live.game.standings());
        assertThat(restored.sync(null).reveal()).isEqualTo(live.game.sync(null).reveal());
        for (String id : List.of(ann, bob, cat, dan)) {
            assertThat(restored.sync(id).result()).as("result of %s", id).isEqualTo(live.game.sync(id).result());
            assertThat(restored.sync(id).rank()).isEqualTo(live.game.sync(id).rank());
        }
        assertThat(restored.players()).allSatisfy(p -> assertThat(p.connected()).isFalse());
    }

    @Test
    void theRestoredGameCarriesOnWithTheSameStreakBonusesAndFinals() {
        playFirstThree();
        Game restored = restoreAsStored();
        for (String id : List.of(ann, bob, cat, dan)) {
            restored.setConnected(id, true); // the phones reconnect, as they do after a restart
        }

        nextQuestion(); // the poll
        restored.next();
        restored.next();
        nextQuestion();
        restored.skip();
        restored.next();
        restored.next();
        assertThat(restored.questionIndex()).isEqualTo(4);
        assertThat(restored.questionView(4)).isEqualTo(live.game.questionView(4));

        live.advanceMs(1_000);
        restoredClock.advanceMs(1_000);
        AcceptedAnswer liveAnswer = live.answerFileChoice(ann, 3).accepted();
        int display = live.displayIndexOf(4, 3);
        AcceptedAnswer restoredAnswer = restored.answer(ann, 4, choice(display)).accepted();
        assertThat(restoredAnswer.points()).as("streak 4: +300").isEqualTo(liveAnswer.points()).isEqualTo(1275);

        GameEvent.GameFinished a = only(live.game.end(), GameEvent.GameFinished.class);
        GameEvent.GameFinished b = only(restored.end(), GameEvent.GameFinished.class);
        assertThat(b.podium()).isEqualTo(a.podium());
        assertThat(b.finals()).isEqualTo(a.finals());
    }

    @Test
    void aGameRestoredOnTheLeaderboardShowsTheSameLeaderboardAndMovesOn() {
        playFirstThree();
        GameEvent.LeaderboardShown board = only(live.game.next(), GameEvent.LeaderboardShown.class);
        Game restored = restoreAsStored();
        assertThat(restored.phase()).isEqualTo(Phase.LEADERBOARD);
        assertThat(restored.sync(null).leaderboard()).isEqualTo(board.top());
        assertThat(restored.sync(ann).result()).isEqualTo(live.game.sync(ann).result());
        assertThat(only(restored.next(), GameEvent.QuestionOpened.class).question().index()).isEqualTo(3);
    }

    @Test
    void anInterruptedQuestionReopensWithAFullTimeLimitAndKeepsItsAnswers() {
        playFirstThree();
        nextQuestion(); // poll, question 4
        nextQuestion(); // question 5 (index 4), correct is file choice 3
        live.advanceMs(2_000);
        answer(ann, 3); // stored before the crash
        answer(bob, 0);
        int annScoreBefore = live.score(ann);

        Game restored = restoreAsStored();
        assertThat(restored.phase()).isEqualTo(Phase.QUESTION);
        assertThat(restored.questionIndex()).isEqualTo(4);
        assertThat(restored.deadline()).isEqualTo(restoredClock.instant().plusSeconds(20));
        assertThat(scoresAndStreaks(restored)).isEqualTo(scoresAndStreaks(live.game));
        assertThat(restored.players().stream().filter(p -> p.playerId().equals(ann)).findFirst().orElseThrow()
                .score()).isEqualTo(annScoreBefore);

        assertThat(restored.sync(ann).answered()).isTrue();
        assertThat(restored.sync(ann).remainingMs()).isEqualTo(20_000);
        assertThatThrownBy(() -> restored.answer(ann, 4, choice(0))).isInstanceOfSatisfying(GameException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_ANSWERED));
        assertThatThrownBy(() -> restored.answer(bob, 4, choice(0))).isInstanceOfSatisfying(GameException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_ANSWERED));

        restored.setConnected(cat, true);
        restoredClock.advanceMs(1_000);
        restored.sync(cat); // the question reaches Cat now
        restoredClock.advanceMs(5_000);
        AcceptedAnswer catAnswer = restored.answer(cat, 4, choice(live.displayIndexOf(4, 3))).accepted();
        assertThat(catAnswer.correct()).isTrue();
        assertThat(catAnswer.responseMs()).isEqualTo(5_000);

        GameEvent.QuestionClosed closed = only(restored.skip(), GameEvent.QuestionClosed.class);
        assertThat(closed.reveal().answered()).isEqualTo(3);
        assertThat(closed.reveal().correctCount()).isEqualTo(2);
        assertThat(closed.results()).filteredOn(r -> r.playerId().equals(ann)).singleElement()
                .satisfies(r -> assertThat(r.correct()).isTrue());
        assertThat(closed.results()).filteredOn(r -> r.playerId().equals(dan)).singleElement()
                .satisfies(r -> {
                    assertThat(r.answered()).isFalse();
                    assertThat(r.streak()).isZero();
                });
    }

    @Test
    void aGameRestoredInTheLobbyKeepsItsPlayersAndLock() {
        live.game.lock();
        Game restored = restore(Phase.LOBBY, -1, true);
        assertThat(restored.phase()).isEqualTo(Phase.LOBBY);
        assertThat(restored.locked()).isTrue();
        assertThat(restored.players()).extracting(PlayerView::nickname).containsExactly("Ann", "Bob", "Cat", "Dan");
        assertThatThrownBy(() -> restored.join("id-Eve", "Eve")).isInstanceOfSatisfying(GameException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.GAME_LOCKED));
        restored.unlock();
        assertThatThrownBy(() -> restored.join("id-x", "ANN")).isInstanceOfSatisfying(GameException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NICKNAME_TAKEN));
        restored.start();
        assertThat(restored.questionIndex()).isZero();
    }

    @Test
    void aFinishedGameRestoresFinished() {
        playFirstThree();
        GameEvent.GameFinished finished = only(live.game.end(), GameEvent.GameFinished.class);
        Game restored = restoreAsStored();
        assertThat(restored.phase()).isEqualTo(Phase.FINISHED);
        assertThat(restored.sync(null).podium()).isEqualTo(finished.podium());
        for (PlayerFinal fin : finished.finals()) {
            assertThat(restored.sync(fin.playerId()).fin()).isEqualTo(fin);
            assertThat(restored.sync(fin.playerId()).result()).isEqualTo(live.game.sync(fin.playerId()).result());
        }
        assertThatThrownBy(() -> restored.join("id-Eve", "Eve")).isInstanceOfSatisfying(GameException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.GAME_FINISHED));
    }

    @Test
    void kickedPlayersStayKickedAndTheirNamesStayBarred() {
        playFirstThree();
        nextQuestion();
        kick(bob);
        live.game.skip();
        Game restored = restoreAsStored();
        assertThat(restored.standings()).isEqualTo(live.game.standings());
        assertThat(scoresAndStreaks(restored)).isEqualTo(scoresAndStreaks(live.game));
        assertThat(restored.players()).extracting(PlayerView::playerId).doesNotContain(bob);
        assertThat(restored.isActivePlayer(bob)).isFalse();
        assertThat(restored.sync(null).reveal()).isEqualTo(live.game.sync(null).reveal());
        assertThatThrownBy(() -> restored.join("id-bob2", "BOB")).isInstanceOfSatisfying(GameException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NICKNAME_REMOVED));
        assertThat(restored.players()).extracting(PlayerView::nickname).doesNotContain("Bob", "BOB");
    }

    @Test
    void answersOfPlayersWhoLeftTheRecordAreIgnored() {
        playFirstThree();
        stored.add(new AcceptedAnswer("id-ghost", 0, new Answer.Choice(0), "a", true, 1000, 0,
                live.clock.instant(), 0));
        Game restored = restoreAsStored();
        assertThat(restored.standings()).isEqualTo(live.game.standings());
    }

    @Test
    void restoreIsOnlyForAFreshGame() {
        live.game.start();
        assertThatThrownBy(() -> live.game.restore(List.of(), List.of(), Phase.LOBBY, -1, false))
                .isInstanceOf(IllegalStateException.class);
        Game withPlayers = new GameFixture(QUIZ).game;
        withPlayers.join("id-a", "A");
        assertThatThrownBy(() -> withPlayers.restore(List.of(), List.of(), Phase.LOBBY, -1, false))
                .isInstanceOf(IllegalStateException.class);
    }
}
