package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.quizroom.quiz.Answer;
import org.quizroom.quiz.Quiz;
import org.quizroom.support.TestClock;

/** A game on a {@link TestClock} plus the shorthand the engine tests share. */
final class GameFixture {

    static final long SEED = 42L;

    final TestClock clock = new TestClock();
    final Game game;

    /** The defaults but choices in the file's order, so engine tests can name the right choice by its index. */
    static final GameOptions FILE_ORDER = new GameOptions(true, true, false, true, 1.0);

    GameFixture(Quiz quiz) {
        this(quiz, FILE_ORDER);
    }

    GameFixture(Quiz quiz, GameOptions options) {
        this(quiz, options, GameSettings.defaults());
    }

    GameFixture(Quiz quiz, GameOptions options, GameSettings settings) {
        this(quiz, options, settings, SEED);
    }

    GameFixture(Quiz quiz, GameOptions options, GameSettings settings, long seed) {
        this.game = new Game("123456", quiz, options, settings, seed, clock);
    }

    static GameOptions options(boolean speed, boolean streaks, boolean shuffle, boolean lateJoin, double multiplier) {
        return new GameOptions(speed, streaks, shuffle, lateJoin, multiplier);
    }

    /** Joins a player whose id is "id-" + nickname and connects them. */
    String join(String nickname) {
        String id = joinDisconnected(nickname);
        game.setConnected(id, true);
        return id;
    }

    String joinDisconnected(String nickname) {
        String id = "id-" + nickname;
        game.join(id, nickname);
        return id;
    }

    List<String> joinAll(String... nicknames) {
        return java.util.Arrays.stream(nicknames).map(this::join).toList();
    }

    void advanceMs(long ms) {
        clock.advance(Duration.ofMillis(ms));
    }

    AnswerOutcome answer(String playerId, Answer answer) {
        return game.answer(playerId, game.questionIndex(), answer);
    }

    /** Answers the open question with the display index of the file's choice {@code fileIndex}. */
    AnswerOutcome answerFileChoice(String playerId, int fileIndex) {
        return answer(playerId, choice(displayIndexOf(game.questionIndex(), fileIndex)));
    }

    int displayIndexOf(int questionIndex, int fileIndex) {
        String text = game.quiz().questions().get(questionIndex).choices().get(fileIndex);
        return game.questionView(questionIndex).choices().indexOf(text);
    }

    int score(String playerId) {
        return game.players().stream().filter(p -> p.playerId().equals(playerId)).findFirst().orElseThrow().score();
    }

    int streak(String playerId) {
        return game.players().stream().filter(p -> p.playerId().equals(playerId)).findFirst().orElseThrow().streak();
    }

    List<String> rankedIds() {
        return game.standings().stream().map(Standing::playerId).toList();
    }

    /** Everything an onlooker can see of the game, to check a refusal changed nothing. */
    Object snapshot() {
        return List.of(game.phase(), game.questionIndex(), game.locked(), game.players(), game.standings(),
                String.valueOf(game.deadline()), game.sync(null));
    }

    static Answer choice(int index) {
        return new Answer.Choice(index);
    }

    static Answer picks(Integer... indices) {
        return new Answer.Choices(List.of(indices));
    }

    static Answer text(String value) {
        return new Answer.Text(value);
    }

    static Answer num(double value) {
        return new Answer.Numeric(value);
    }

    static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    /** Asserts the call is refused with {@code code} and leaves the game as it was. */
    void assertRefused(ErrorCode code, ThrowingCallable call) {
        Object before = snapshot();
        assertThatThrownBy(call).isInstanceOfSatisfying(GameException.class,
                e -> assertThat(e.code()).as("error code (%s)", e.getMessage()).isEqualTo(code));
        assertThat(snapshot()).as("state after a refused command").isEqualTo(before);
    }

    static <T extends GameEvent> T only(List<GameEvent> events, Class<T> type) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as("%s events in %s", type.getSimpleName(), events).hasSize(1);
        return found.get(0);
    }
}
