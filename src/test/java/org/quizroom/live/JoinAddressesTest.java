package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizroom.QuizroomProperties;

/** Which address join links name (issue 10, item 2). */
class JoinAddressesTest {

    private static QuizroomProperties properties(String joinHost, String publicUrl) {
        return new QuizroomProperties(Path.of("quizzes"), Path.of("./data"), joinHost, publicUrl, 2500, 300, 16384, 10,
                30, 60, 5000, "", List.of());
    }

    @Test
    void anyIpv4AddressButLoopbackLinkLocalWildcardAndMulticastIsUsable() throws Exception {
        assertThat(JoinAddresses.usable(InetAddress.getByName("192.168.1.20"))).isTrue();
        assertThat(JoinAddresses.usable(InetAddress.getByName("10.4.0.9"))).isTrue();
        assertThat(JoinAddresses.usable(InetAddress.getByName("100.72.4.9"))).as("a school's own range").isTrue();
        assertThat(JoinAddresses.usable(InetAddress.getByName("141.20.5.1"))).as("a public range").isTrue();
        assertThat(JoinAddresses.usable(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(JoinAddresses.usable(InetAddress.getByName("169.254.10.2"))).as("no DHCP").isFalse();
        assertThat(JoinAddresses.usable(InetAddress.getByName("0.0.0.0"))).isFalse();
        assertThat(JoinAddresses.usable(InetAddress.getByName("224.0.0.1"))).isFalse();
        assertThat(JoinAddresses.usable(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void privateRangesComeFirstOtherwiseTheSystemsOrderIsKept() {
        var other = new JoinAddresses.Candidate("100.72.4.9", "eth1", false);
        var lan = new JoinAddresses.Candidate("192.168.1.20", "wlan0", true);
        var other2 = new JoinAddresses.Candidate("141.20.5.1", "eth2", false);
        assertThat(JoinAddresses.sorted(List.of(other, lan, other2))).containsExactly(lan, other, other2);
    }

    @Test
    void whatTheMachineOffersIsNeverLoopbackOrLinkLocal() {
        assertThat(JoinAddresses.find()).allSatisfy(c -> {
            assertThat(c.address()).doesNotStartWith("127.").doesNotStartWith("169.254.");
            assertThat(c.address()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        });
    }

    @Test
    void aLoopbackJoinLinkIsFlaggedAsOnlyWorkingOnThisComputer() {
        assertThat(new JoinLinks(properties("127.0.0.1", "")).localOnly()).isTrue();
        assertThat(new JoinLinks(properties("localhost", "")).localOnly()).isTrue();
        assertThat(new JoinLinks(properties("192.168.1.20", "")).localOnly()).isFalse();
        assertThat(new JoinLinks(properties("", "http://localhost:8080/")).localOnly()).isTrue();
        assertThat(new JoinLinks(properties("", "https://quiz.school.example")).localOnly()).isFalse();
        JoinLinks found = new JoinLinks(properties("", ""));
        assertThat(found.localOnly()).as("loopback only when the machine has no usable address")
                .isEqualTo(JoinAddresses.find().isEmpty());
        assertThat(new JoinLinks(properties("", "https://quiz.school.example/")).joinUrl("123456"))
                .isEqualTo("https://quiz.school.example/play?pin=123456");
    }
}
