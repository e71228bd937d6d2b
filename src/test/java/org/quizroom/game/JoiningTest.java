package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quizroom.quiz.Questions.singles;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may join and under what name. */
class JoiningTest {

    private final GameFixture f = new GameFixture(singles(2));
    private final Game game = f.game;

    @Test
    void playersAppearInJoinOrder() {
        f.joinAll("Ann", "Bob", "Cat");
        assertThat(game.players()).extracting(PlayerView::nickname).containsExactly("Ann", "Bob", "Cat");
        assertThat(game.players()).allSatisfy(p -> {
            assertThat(p.score()).isZero();
            assertThat(p.streak()).isZero();
            assertThat(p.connected()).isTrue();
        });
    }

    @Test
    void aNicknameIsTakenWhateverItsCaseAccentsOrSpacing() {
        f.join("Zoë");
        for (String same : new String[] {"zoe", "ZOE", "Zoe", "Z o e", "zoë!", "Ｚｏｅ"}) {
            f.assertRefused(ErrorCode.NICKNAME_TAKEN, () -> game.join("id-x", same));
        }
        f.join("Zoey");
        assertThat(game.players()).hasSize(2);
    }

    @Test
    void theRefusalNamesTheNameAsTheClassSeesItNotTheLookAlikeJustTyped() {
        String ada = f.join("Ada");
        assertThatThrownBy(() -> game.join("id-x", "\u0410da")) // a Cyrillic А
                .hasMessage("Someone in this game is already called \"Ada\".");
        game.kick(ada);
        assertThatThrownBy(() -> game.join("id-y", "ADA"))
                .hasMessage("The teacher removed \"Ada\" from this game, so that name cannot join it again.");
    }

    @Test
    void aLockedGameRefusesNewPlayersUntilUnlocked() {
        f.join("Ann");
        game.lock();
        f.assertRefused(ErrorCode.GAME_LOCKED, () -> game.join("id-Bob", "Bob"));
        game.unlock();
        f.join("Bob");
        assertThat(game.players()).hasSize(2);
    }

    @Test
    void aLockedGameStillLetsItsPlayersReconnect() {
        String ann = f.join("Ann");
        game.lock();
        game.setConnected(ann, false);
        game.setConnected(ann, true);
        assertThat(game.players().get(0).connected()).isTrue();
    }

    @Test
    void lateJoiningIsAllowedByDefault() {
        f.join("Ann");
        game.start();
        f.join("Late");
        game.skip();
        f.join("Later");
        game.next();
        f.join("Latest");
        assertThat(game.players()).hasSize(4);
    }

    @Test
    void withoutLateJoiningTheGameIsClosedOnceStarted() {
        GameFixture g = new GameFixture(singles(2), GameFixture.options(true, true, false, false, 1.0));
        g.join("Ann");
        g.game.start();
        g.assertRefused(ErrorCode.GAME_LOCKED, () -> g.game.join("id-Late", "Late"));
        g.game.skip();
        g.assertRefused(ErrorCode.GAME_LOCKED, () -> g.game.join("id-Late", "Late"));
    }

    @Test
    void aFinishedGameRefusesNewPlayers() {
        f.join("Ann");
        game.end();
        f.assertRefused(ErrorCode.GAME_FINISHED, () -> game.join("id-Bob", "Bob"));
    }

    @Test
    void aFullGameRefusesNewPlayers() {
        GameFixture g = new GameFixture(singles(1), GameFixture.FILE_ORDER, new GameSettings(2, 300));
        String ann = g.join("Ann");
        g.join("Bob");
        g.assertRefused(ErrorCode.GAME_FULL, () -> g.game.join("id-Cat", "Cat"));
        g.game.kick(ann);
        g.join("Cat");
        assertThat(g.game.players()).extracting(PlayerView::nickname).containsExactly("Bob", "Cat");
    }

    @Test
    void aKickedNicknameCannotJoinAgainEvenSpeltDifferently() {
        String ann = f.join("Ann");
        game.kick(ann);
        for (String again : List.of("Ann", "ann", "Ánn", "\u0410nn")) { // the last with a Cyrillic А
            f.assertRefused(ErrorCode.NICKNAME_REMOVED, () -> game.join("id-again", again));
        }
        assertThat(game.players()).isEmpty();
        String other = f.join("Annie");
        assertThat(game.players()).extracting(PlayerView::playerId).containsExactly(other);
    }

    @Test
    void theTeacherCanKickInEveryPhaseUntilTheEnd() {
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        String cat = f.join("Cat");
        String dan = f.join("Dan");
        game.kick(ann); // lobby
        game.start();
        game.kick(bob); // question
        game.skip();
        game.kick(cat); // reveal
        game.next();
        assertThat(game.phase()).isEqualTo(Phase.LEADERBOARD);
        GameEvent.RosterChanged roster = GameFixture.only(game.kick(dan), GameEvent.RosterChanged.class);
        assertThat(roster.playerCount()).isZero();
        assertThat(game.players()).isEmpty();
        assertThat(game.standings()).isEmpty();
        game.end();
        f.assertRefused(ErrorCode.GAME_FINISHED, () -> game.kick(dan));
    }

    @Test
    void aKickedPlayerIsGoneFromTheRosterAndItsEvents() {
        String ann = f.join("Ann");
        f.join("Bob");
        GameEvent.RosterChanged roster = GameFixture.only(game.kick(ann), GameEvent.RosterChanged.class);
        assertThat(game.players()).extracting(PlayerView::nickname).containsExactly("Bob");
        assertThat(roster.playerCount()).isEqualTo(1);
        assertThat(game.setConnected(ann, true)).as("a kicked player's connection is ignored").isEmpty();
        assertThat(game.players()).extracting(PlayerView::nickname).containsExactly("Bob");
    }

    @Test
    void aJoinThatCouldNotBeStoredIsTakenBackAndFreesItsName() {
        String ann = f.join("Ann");
        f.join("Bob");
        GameEvent.RosterChanged roster = GameFixture.only(game.unjoin(ann), GameEvent.RosterChanged.class);
        assertThat(roster.playerCount()).isEqualTo(1);
        assertThat(game.players()).extracting(PlayerView::nickname).containsExactly("Bob");
        assertThat(game.unjoin(ann)).as("already gone").isEmpty();
        f.join("Ann"); // the name is free again
        assertThat(game.sync(null).playerCount()).isEqualTo(2);
    }

    @Test
    void aLookAlikeOfAKickedNameStaysOutAndOfAPlayingNameIsTaken() {
        String ann = f.join("Ann");
        f.join("Bob");
        game.kick(ann);
        f.assertRefused(ErrorCode.NICKNAME_REMOVED, () -> game.join("id-x", "ANN"));
        f.assertRefused(ErrorCode.NICKNAME_TAKEN, () -> game.join("id-y", "bob"));
        assertThat(game.sync(null).playerCount()).isEqualTo(1);
    }

    @Test
    void cyrillicCapitalsAndOtherLookAlikesCannotImpersonateOrComeBackAfterAKick() {
        // Found by a fresh tester: the name was lower-cased before its look-alikes were folded, so Cyrillic
        // capitals (В, Т, М, К, Н) and capital I for l slipped through.
        String[][] pairs = {{"Bob", "Воb"}, {"Tom", "Тоm"}, {"Mike", "Мike"}, {"Kim", "Кim"}, {"Hannah", "Наnnah"},
                {"Max", "Мах"}, {"KATE", "КАТЕ"}, {"Ian", "lan"}, {"Ada", "Аda"}, {"Ella", "Еllа"}};
        for (String[] pair : pairs) {
            f.join(pair[0]);
            f.assertRefused(ErrorCode.NICKNAME_TAKEN, () -> game.join("id-" + pair[1], pair[1]));
        }
        f.join("ian lee"); // different names still join
        String bob = game.players().stream().filter(p -> p.nickname().equals("Bob")).findFirst().orElseThrow().playerId();
        game.kick(bob);
        f.assertRefused(ErrorCode.NICKNAME_REMOVED, () -> game.join("id-BOB", "ВОВ"));
        f.assertRefused(ErrorCode.NICKNAME_REMOVED, () -> game.join("id-bob", "bob"));
    }
}
