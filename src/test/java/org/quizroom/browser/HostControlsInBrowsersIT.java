package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The teacher's controls and the leaderboard's motion, on the projector with three students
 * played by STOMP clients (scores are made to order: flat points, double-points questions):
 * Start stays disabled, and the server refuses it with NO_PLAYERS, until someone has joined; two
 * "next" frames for one reveal (a double press, a second host screen) show the leaderboard once
 * instead of skipping it; rows whose rank changed slide from their old place (FLIP: at the start of
 * the motion a row stands exactly where it stood on the previous leaderboard), rows that kept their
 * rank stand still, and with prefers-reduced-motion nothing moves but the ▲/▼ notes still tell
 * it. A phone sees a nickname's length instead of having it cut silently.
 */
@LiveServerTest
class HostControlsInBrowsersIT {

    static final Path QUIZZES = writeQuiz();
    static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void quizzes(DynamicPropertyRegistry registry) {
        registry.add("quizroom.quizzes-dir", QUIZZES::toString);
    }

    @LocalServerPort
    int port;

    @RegisterExtension
    static final BrowserFleet fleet = BrowserFleet.perTest("controls-");
    private final List<StompTestClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(StompTestClient::close);
    }

    @Test
    void startWaitsForAPlayerNextActsOnceAndTheLeaderboardShowsWhoMoved() {
        var phoneStarting = fleet.browserLater("Zed", Browsers.PHONE, "controls-phone-");
        Api api = new Api(port);
        JsonNode game = api.openGame("motion",
                "{\"speedScoring\":false,\"streaks\":false,\"readingTime\":false,\"shuffleAnswers\":false}");
        String pin = game.get("pin").asText();
        String hostToken = game.get("hostToken").asText();
        Screen teacher = fleet.browser("teacher", Browsers.PROJECTOR, "controls-host-");
        teacher.open("/");
        teacher.js("localStorage.setItem('quizroom.host.' + arguments[0], arguments[1])", pin, hostToken);
        teacher.open("/host?pin=" + pin).awaitPhase("lobby");
        // A second host screen (say the teacher's laptop beside the projector), as raw STOMP frames.
        StompTestClient laptop = track(StompTestClient.host(port, pin, hostToken));
        laptop.await("STATE", WAIT);

        // ------------------------------------------------------------ Start with nobody there
        assertThat(teacher.el("start").isEnabled()).as("Start with nobody in the game").isFalse();
        assertThat(teacher.text("start-waiting")).isEqualTo("Start opens when the first player joins.");
        assertThat(teacher.el("start").getAccessibleName()).isEqualTo("Start");
        assertThat(teacher.el("start").getDomAttribute("aria-describedby")).isEqualTo("start-waiting");
        teacher.assertNoAxeViolations("lobby with nobody in it");
        teacher.shot("lobby-nobody");
        laptop.host("start");
        JsonNode refused = laptop.await("ERROR", WAIT);
        assertThat(refused.get("code").asText()).isEqualTo("NO_PLAYERS");
        assertThat(refused.get("message").asText()).contains("Nobody has joined yet");
        assertThat(teacher.phase()).isEqualTo("lobby");

        // ------------------------------------------------------------ a phone: the nickname's length is shown
        Screen zed = BrowserFleet.ready(phoneStarting);
        zed.open("/play?pin=" + pin).awaitPhase("join");
        assertThat(zed.text("nickname-count")).isEqualTo("Up to 30 characters.");
        String tooLong = "Z".repeat(200);
        zed.type("nickname-input", tooLong);
        // Nothing is cut off behind the student's back: the whole name stays, and the page says why it can't be used.
        assertThat(zed.el("nickname-input").getDomProperty("value")).hasSize(200);
        assertThat(zed.text("nickname-count")).isEqualTo("Too long: 200 characters. Nicknames can have at most 30.");
        assertThat(zed.el("nickname-input").getDomAttribute("aria-invalid")).isEqualTo("true");
        zed.click("join-button");
        zed.awaitText("join-error", "Your nickname has 200 characters; make it at most 30.");
        assertThat(zed.phase()).isEqualTo("join");
        zed.assertNoAxeViolations("join with a too-long nickname");
        zed.assertNoSidewaysScroll("join with a too-long nickname");
        zed.shot("nickname-too-long");
        // Characters as people count them: twelve family emoji (seven code points each) are twelve, not 84.
        // (Set by script: ChromeDriver cannot type characters outside the Basic Multilingual Plane.)
        zed.js("const i = document.getElementById('nickname-input'); i.value = arguments[0];"
                + " i.dispatchEvent(new Event('input'));", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66".repeat(12));
        assertThat(zed.text("nickname-count")).isEqualTo("12 of 30 characters.");
        // Thirty characters, but too big to store (11 UTF-16 units a family): the page and the server both say so.
        zed.js("const i = document.getElementById('nickname-input'); i.value = arguments[0];"
                + " i.dispatchEvent(new Event('input'));", "A" + "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66".repeat(29));
        assertThat(zed.text("nickname-count")).isEqualTo("30 characters, but too many emoji made of several symbols. Use fewer emoji.");
        zed.click("join-button");
        zed.awaitText("join-error", t -> t.contains("too long to store"), "the server's refusal");
        assertThat(zed.phase()).isEqualTo("join");
        zed.type("nickname-input", "Zed the Magnificent");
        assertThat(zed.text("nickname-count")).isEqualTo("19 of 30 characters.");
        assertThat(api.get("/api/games/" + pin).status()).isEqualTo(200);
        assertThat(teacher.el("start").isEnabled()).as("Start while the roster is still empty").isFalse();

        // ------------------------------------------------------------ three students join
        Map<String, StompTestClient> bots = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (String name : List.of("Ann", "Bea", "Cal")) {
            JsonNode joined = api.join(pin, name);
            ids.put(name, joined.get("playerId").asText());
            StompTestClient bot = track(StompTestClient.player(port, pin, joined.get("playerToken").asText()));
            bot.await("STATE", WAIT);
            bots.put(name, bot);
        }
        teacher.awaitRoster("Ann", "Bea", "Cal");
        teacher.await(d -> teacher.el("start").isEnabled(), "Start to be enabled");
        assertThat(teacher.el("start-waiting").isDisplayed()).isFalse();
        teacher.click("start");

        // Q1 (1,000 points): Ann right, Bea wrong, Cal silent -> Ann 1st, Bea 2nd (a wrong answer beats none), Cal 3rd.
        play(teacher, bots, 0, Map.of("Ann", true, "Bea", false));
        teacher.click("skip");
        teacher.awaitPhase("reveal");

        // ------------------------------------------------------------ two "next" frames for one reveal
        int questionsSeen = laptop.seen("QUESTION").size();
        laptop.clearInbox();
        String nextAtReveal = "{\"command\":\"next\",\"question\":0,\"phase\":\"reveal\"}";
        laptop.send("/app/games/" + pin + "/host", nextAtReveal);
        laptop.send("/app/games/" + pin + "/host", nextAtReveal);
        assertThat(laptop.await("ERROR", WAIT).get("code").asText()).isEqualTo("STALE_COMMAND");
        teacher.awaitPhase("leaderboard");
        // The game still stands at the leaderboard after the refused frame (both host screens share
        // the host's private queue, so a STATE for the projector's own sync may come first), and no
        // second QUESTION came: the leaderboard was not skipped.
        laptop.sync();
        laptop.await(e -> "STATE".equals(e.path("type").asText()) && "leaderboard".equalsIgnoreCase(e.path("phase").asText()),
                "STATE at the leaderboard", WAIT);
        assertThat(laptop.seen("QUESTION")).as("questions after the double press").hasSize(questionsSeen);
        assertThat(teacher.phase()).isEqualTo("leaderboard");
        awaitBoard(teacher, Map.of("Ann", 1, "Bea", 2, "Cal", 3), ids);
        assertThat(teacher.all("#leaderboard li.moving")).as("nothing moves on the first leaderboard").isEmpty();

        // ------------------------------------------------------------ leaderboard 2 under reduced motion
        reducedMotion(teacher, true);
        teacher.click("next");
        // Q2 (double, 2,000): only Cal right -> Cal 2,000, Ann 1,000, Bea 0: everyone moves.
        play(teacher, bots, 1, Map.of("Ann", false, "Bea", false, "Cal", true));
        teacher.awaitPhase("reveal");
        teacher.click("next");
        awaitBoard(teacher, Map.of("Cal", 1, "Ann", 2, "Bea", 3), ids);
        assertThat(moveNotes(teacher)).containsExactly("▲ 2", "▼ 1", "▼ 1");
        assertThat(teacher.all("#leaderboard li.moving")).as("rows marked as moved").hasSize(3);
        assertThat(teacher.js("return document.getAnimations().filter(a => a.animationName === 'from-rank').length"
                + " + window.__motion.filter(m => m.name === 'from-rank').length")).as("rank motion with reduced motion")
                .isEqualTo(0L);
        assertThat(teacher.js("return [...document.querySelectorAll('#leaderboard li')].map(li => getComputedStyle(li).animationName)"))
                .isEqualTo(List.of("none", "none", "none"));
        teacher.shot("leaderboard-reduced-motion");

        // ------------------------------------------------------------ leaderboard 3 with motion
        teacher.click("next");
        // Motion back on once the old leaderboard is hidden (a shown one would start its slides now).
        teacher.awaitPhase("question");
        reducedMotion(teacher, false);
        // Q3 (double): only Ann right -> Ann 3,000, Cal 2,000, Bea 0: Ann and Cal swap, Bea stays.
        play(teacher, bots, 2, Map.of("Ann", true, "Bea", false, "Cal", false));
        teacher.awaitPhase("reveal");
        teacher.click("next");
        // Slots are layout positions (offsetTop ignores the slide's transform), so they hold mid-motion too.
        Map<String, Double> slot = awaitBoard(teacher, Map.of("Ann", 1, "Cal", 2, "Bea", 3), ids);
        // Event-driven: both moved rows finish their slide (however slow the machine); Bea's never starts.
        teacher.await(d -> Boolean.TRUE.equals(teacher.js("const ends = window.__motion.filter(m => m.type === 'animationend'"
                + " && m.name === 'from-rank' && m.el.isConnected).map(m => m.player); return ends.includes(arguments[0]) && ends.includes(arguments[1])",
                ids.get("Ann"), ids.get("Cal"))), "Ann's and Cal's rows to finish sliding");
        assertThat(teacher.js("return window.__motion.filter(m => m.name === 'from-rank' && m.el.isConnected && m.player === arguments[0]).length",
                ids.get("Bea"))).as("motion on Bea's row, whose rank did not change").isEqualTo(0L);
        assertThat(moveNotes(teacher)).containsExactly("▲ 1", "▼ 1", "");
        // FLIP: rewound to its first frame, each moved row stands where its old rank stood; at the end, at its new one.
        for (var moved : Map.of("Ann", 2, "Cal", 1).entrySet()) {
            String player = ids.get(moved.getKey());
            double start = rowTopAt(teacher, player, 0);
            double end = rowTopAt(teacher, player, -1);
            assertThat(start).as(moved.getKey() + "'s row at the start of its slide").isCloseTo(slot.get("rank" + moved.getValue()),
                    org.assertj.core.data.Offset.offset(2.0));
            int now = moved.getValue() == 2 ? 1 : 2;
            assertThat(end).as(moved.getKey() + "'s row at the end of its slide").isCloseTo(slot.get("rank" + now),
                    org.assertj.core.data.Offset.offset(2.0));
        }
        teacher.js("document.getAnimations().filter(a => a.animationName === 'from-rank').forEach(a => { a.pause(); a.currentTime = 0; })");
        teacher.shot("leaderboard-rank-change-start");
        teacher.js("document.getAnimations().filter(a => a.animationName === 'from-rank').forEach(a => a.finish())");
        teacher.shot("leaderboard-rank-change-end");
        teacher.assertNoAxeViolations("leaderboard after rank changes");
        teacher.assertNoInjectedScript();
        zed.assertNoInjectedScript();
    }

    /** The ▲/▼ note of each leaderboard row, top to bottom ("" when the rank did not change). */
    private static List<String> moveNotes(Screen teacher) {
        return boardRows(teacher).stream().map(BoardRow::note).toList();
    }

    /** One leaderboard row as drawn: its player, rank, layout top (offsetTop, without any slide) and ▲/▼ note. */
    record BoardRow(String playerId, String rank, double top, String note) {
    }

    /** The leaderboard's rows, top to bottom: the one probe of the page every leaderboard check reads. */
    @SuppressWarnings("unchecked")
    private static List<BoardRow> boardRows(Screen teacher) {
        List<Map<String, Object>> raw = (List<Map<String, Object>>) teacher.js(
                "return [...document.querySelectorAll('#leaderboard li.leader')].map(li => {"
                + " const n = li.querySelector('.move-note [aria-hidden]');"
                + " return {player: li.dataset.playerId, rank: li.dataset.rank, top: li.offsetTop,"
                + " note: n ? n.textContent : ''}; })");
        return raw.stream().map(m -> new BoardRow((String) m.get("player"), (String) m.get("rank"),
                ((Number) m.get("top")).doubleValue(), (String) m.get("note"))).toList();
    }

    /** Each named bot answers question {@code index}: true for the right answer, false for a wrong one. */
    private static void play(Screen teacher, Map<String, StompTestClient> bots, int index, Map<String, Boolean> right) {
        teacher.awaitPhase("question").awaitAnswering();
        for (var answer : right.entrySet()) {
            StompTestClient bot = bots.get(answer.getKey());
            JsonNode q = bot.await(e -> "QUESTION".equals(e.path("type").asText()) && e.path("index").asInt() == index,
                    "question " + index, WAIT);
            List<String> choices = new ArrayList<>();
            q.get("choices").forEach(c -> choices.add(c.asText()));
            int pick = choices.indexOf(answer.getValue() ? "True" : "False");
            assertThat(pick).as("choices " + choices).isNotNegative();
            bot.answer(index, String.valueOf(pick));
            bot.await(e -> "ACK".equals(e.path("type").asText()) && e.path("question").asInt() == index, "ACK " + index, WAIT);
        }
    }

    /** Waits for the leaderboard to list these ranks; returns each rank's row position (rank1, rank2, ...). */
    private static Map<String, Double> awaitBoard(Screen teacher, Map<String, Integer> ranks, Map<String, String> ids) {
        teacher.awaitPhase("leaderboard");
        Map<String, String> want = new HashMap<>();
        ranks.forEach((name, rank) -> want.put(ids.get(name), String.valueOf(rank)));
        List<BoardRow> shown = new ArrayList<>();
        teacher.await(d -> {
            List<BoardRow> rows = boardRows(teacher);
            Map<String, String> got = new HashMap<>();
            rows.forEach(r -> got.put(r.playerId(), r.rank()));
            shown.clear();
            shown.addAll(rows);
            return want.equals(got);
        }, "the leaderboard " + ranks);
        // Where each rank's row sits in the layout (offsetTop: without any transform).
        Map<String, Double> slots = new HashMap<>();
        shown.forEach(r -> slots.put("rank" + r.rank(), r.top()));
        return slots;
    }

    /** A row's drawn top (its layout box moved by the slide) at the slide's first frame (0) or its end (-1). */
    private static double rowTopAt(Screen teacher, String playerId, double time) {
        return ((Number) teacher.js("""
                const li = document.querySelector(`#leaderboard li[data-player-id="${arguments[0]}"]`);
                const a = li.getAnimations().find(x => x.animationName === 'from-rank');
                if (!a) return -9999;
                a.pause();
                a.currentTime = arguments[1] < 0 ? a.effect.getComputedTiming().endTime : arguments[1];
                const parent = li.offsetParent.getBoundingClientRect();
                return li.getBoundingClientRect().top - parent.top - li.offsetParent.clientTop;""", playerId, time)).doubleValue();
    }

    private static void reducedMotion(Screen screen, boolean reduce) {
        ((ChromeDriver) screen.driver).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", reduce ? "reduce" : ""))));
        assertThat(screen.js("return matchMedia('(prefers-reduced-motion: reduce)').matches")).isEqualTo(reduce);
    }

    private StompTestClient track(StompTestClient client) {
        clients.add(client);
        return client;
    }

    private static Path writeQuiz() {
        try {
            Path dir = Files.createTempDirectory(Path.of("target"), "motion-quizzes-");
            Files.writeString(dir.resolve("motion.yaml"), """
                    title: Motion
                    description: Test-only quiz for the host's controls and the leaderboard's motion.
                    questions:
                      - type: truefalse
                        text: The first statement is true.
                        answer: true
                        time: 120
                        section: Motion
                        explanation: Only the scores matter here.
                      - type: truefalse
                        text: The second statement is true.
                        answer: true
                        time: 120
                        section: Motion
                        explanation: Only the scores matter here.
                        points: double
                      - type: truefalse
                        text: The third statement is true.
                        answer: true
                        time: 120
                        section: Motion
                        explanation: Only the scores matter here.
                        points: double
                      - type: truefalse
                        text: The last statement is true.
                        answer: true
                        time: 120
                        section: Motion
                        explanation: Only the scores matter here.
                    """);
            return dir.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
