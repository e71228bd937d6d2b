package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.quizroom.live.JoinAddresses;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The join address as a teacher meets it, with no address setting (unlike the other browser tests,
 * which pin it to loopback): the dashboard lists this computer's network addresses and the one in
 * use, the projector's join link and QR use a network address (any up, non-loopback one, even
 * outside the private ranges) with no "only works on this computer" warning, and the QR's link
 * opens the join page through that address. With two or more addresses the teacher's pick changes
 * the link. Skipped on a machine with no network address at all.
 */
@LiveServerTest
class JoinAddressInBrowserIT {

    @DynamicPropertySource
    static void noFixedAddress(DynamicPropertyRegistry registry) {
        registry.add("quizroom.join-host", () -> "");
    }

    @LocalServerPort
    int port;

    private BrowserFleet fleet;

    @BeforeAll
    static void clearOldScreenshots() {
        Browsers.deleteScreenshots("address-");
    }

    @BeforeEach
    void fleet() {
        fleet = new BrowserFleet(port);
    }

    @AfterEach
    void quitBrowsers() {
        fleet.quitAll();
    }

    @Test
    void theDashboardListsThisComputersAddressesAndTheProjectorUsesANetworkOne() {
        List<String> addresses = JoinAddresses.find().stream().map(JoinAddresses.Candidate::address).toList();
        assumeFalse(addresses.isEmpty(), "this machine has no network address");
        Screen teacher = fleet.browser("teacher", Browsers.PROJECTOR, "address-host-");
        teacher.open("/");
        teacher.await(d -> teacher.el("network").isDisplayed(), "the join address box");
        Select picker = new Select(teacher.el("network-address"));
        assertThat(picker.getOptions()).extracting(o -> o.getAttribute("value")).containsExactlyElementsOf(addresses);
        String chosen = picker.getFirstSelectedOption().getAttribute("value");
        assertThat(chosen).as("a network address, never loopback").isIn(addresses);
        assertThat(teacher.el("network-warning").isDisplayed()).as("warning with a network address").isFalse();
        assertThat(teacher.text("network-status")).isEqualTo("Join links start with http://" + chosen + ":" + port);
        assertThat(teacher.el("network-address").isEnabled()).isEqualTo(addresses.size() > 1);
        teacher.assertNoAxeViolations("dashboard with the join address box");
        teacher.shot("dashboard-address");

        if (addresses.size() > 1) {
            // The teacher picks another address: the choice is saved and join links follow it.
            String other = addresses.stream().filter(a -> !a.equals(chosen)).findFirst().orElseThrow();
            picker.selectByValue(other);
            teacher.awaitText("network-status", "Join links start with http://" + other + ":" + port);
        }
        String address = new Select(teacher.el("network-address")).getFirstSelectedOption().getAttribute("value");

        teacher.await(d -> !d.findElements(By.cssSelector("li.quiz[data-quiz-id='warm-up']")).isEmpty(), "warm-up listed");
        teacher.clickButtonNamed("Host Warm-up");
        teacher.awaitPhase("lobby");
        String pin = teacher.awaitText("pin", t -> t.matches("\\d{6}"), "a PIN");
        teacher.awaitText("join-url", address + ":" + port + "/play");
        assertThat(teacher.el("loopback-warning").isDisplayed()).as("'only works on this computer' warning").isFalse();
        assertThat(teacher.js("return document.body.dataset.loopback")).isEqualTo("false");
        WebElement qr = teacher.el("qr");
        teacher.await(d -> Boolean.TRUE.equals(teacher.js("return arguments[0].complete && arguments[0].naturalWidth > 0", qr)), "QR shown");
        String link = QrCodes.read(qr);
        assertThat(link).isEqualTo("http://" + address + ":" + port + "/play?pin=" + pin);
        teacher.shot("lobby-network-address");

        // The link works through that address, as a phone on the classroom network would use it.
        teacher.open(link).awaitPhase("join");
        assertThat(teacher.el("pin-input").getDomProperty("value")).isEqualTo(pin);
        teacher.assertNoInjectedScript();

        // A student's laptop that opens the dashboard through the same address is told at once whose page it
        // is, and sees no live PIN (another class's game could be joined with one).
        teacher.open("http://" + address + ":" + port + "/");
        teacher.awaitText("dashboard-error", t -> t.startsWith("This is the teacher's dashboard."), "the banner");
        teacher.awaitText("no-games", t -> t.contains("only works on the computer running Quizroom"), "why no games");
        assertThat(teacher.text("games-list")).doesNotContain(pin);
        teacher.assertNoAxeViolations("dashboard from another computer");
        teacher.shot("dashboard-from-another-computer");
        // The editor's address, typed by a curious student: a sentence and a way out, not raw JSON.
        teacher.open("http://" + address + ":" + port + "/editor?id=warm-up");
        assertThat(teacher.text("refused-title")).isEqualTo("This page is for the teacher");
        assertThat(teacher.text("refused-message")).contains("only work on the computer running Quizroom");
        teacher.assertNoAxeViolations("the editor from another computer");
    }
}
