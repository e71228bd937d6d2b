package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NicknamePolicyTest {

    private final NicknamePolicy policy = new NicknamePolicy(Set.of("badword", "Rude"));

    private void assertInvalid(String nickname, String messagePart) {
        assertThatThrownBy(() -> policy.clean(nickname)).isInstanceOfSatisfying(GameException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NICKNAME_INVALID);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void aPlainNicknameIsKeptAsTyped() {
        assertThat(policy.clean("Zoë M.")).isEqualTo("Zoë M.");
        assertThat(policy.clean("Олег")).isEqualTo("Олег");
        assertThat(policy.clean("小明")).isEqualTo("小明");
        assertThat(policy.clean("R2-D2 🤖")).isEqualTo("R2-D2 🤖");
    }

    @Test
    void emptyOrBlankNicknamesAreRefused() {
        assertInvalid(null, "type a nickname");
        assertInvalid("", "type a nickname");
        assertInvalid("   ", "type a nickname");
        assertInvalid("\u00A0\u3000", "type a nickname");
    }

    @Test
    void atMostThirtyCharacters() {
        String thirty = "a".repeat(30);
        assertThat(policy.clean(thirty)).isEqualTo(thirty);
        assertInvalid("a".repeat(31), "at most 30");
        assertThat(policy.clean("😀".repeat(29) + "a")).as("counted in characters, not UTF-16 units").hasSize(59);
        assertThat(policy.clean("  " + thirty + "  ")).as("surrounding spaces are not counted").isEqualTo(thirty);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann\u0000", "Ann\nLee", "Ann\tLee", "A\u200Bnn", "Ann\u202Eeil", "\u2060Ann",
            "Ann\u00AD", "Ann\u2028", "\uFEFFAnn", "\u3164", "Ann\u3164", "\u115F\u1160", "\uFFA0\uFFA0"})
    void controlAndInvisibleCharactersAreRefused(String nickname) {
        assertInvalid(nickname, "control or invisible");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "★★★", "...", "-_-", "😀", "\u0301\u0301"})
    void symbolsOnlyAreRefused(String nickname) {
        assertInvalid(nickname, "at least one letter or digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"badword", "BadWord", "xXbadwordXx", "b4dw0rd", "b a d w o r d", "B@DW0RD", "bädwörd",
            "rude", "RUDE guy", "ru.de", "$uper rude", "5uper rud3"})
    void blockedWordsAreRefusedEvenDisguised(String nickname) {
        assertInvalid(nickname, "different nickname");
    }

    @Test
    void markupIsAcceptedAsPlainText() {
        String markup = "<img src=x onerror=alert(1)>";
        assertThat(policy.clean(markup)).isEqualTo(markup);
        assertThat(policy.clean("<b>Bob</b>")).isEqualTo("<b>Bob</b>");
        assertThat(policy.clean("Tom & \"Jerry\"")).isEqualTo("Tom & \"Jerry\"");
    }

    @Test
    void whitespaceIsTrimmedAndCollapsed() {
        assertThat(policy.clean("  Ann    Lee  ")).isEqualTo("Ann Lee");
        assertThat(policy.clean("\u00A0Ann\u00A0\u00A0Lee\u2003")).isEqualTo("Ann Lee");
        assertThat(policy.clean("Ann\u3000Lee")).isEqualTo("Ann Lee");
    }

    @Test
    void composedAndDecomposedAccentsShowTheSame() {
        assertThat(policy.clean("Zoe\u0308")).isEqualTo("Zoë");
    }

    @Test
    void sameNameKeyIgnoresCaseAccentsSpacingAndPunctuation() {
        assertThat(NicknamePolicy.sameNameKey("Zoë")).isEqualTo(NicknamePolicy.sameNameKey("zoe"));
        assertThat(NicknamePolicy.sameNameKey("Ann-Lee")).isEqualTo(NicknamePolicy.sameNameKey("ann lee"));
        assertThat(NicknamePolicy.sameNameKey("ＡＮＮ")).isEqualTo("ann");
        assertThat(NicknamePolicy.sameNameKey("Ann")).isNotEqualTo(NicknamePolicy.sameNameKey("Anna"));
    }

    @Test
    void anEmptyBlockListBlocksNothing() {
        NicknamePolicy open = new NicknamePolicy(Set.of("", "!!!"));
        assertThat(open.clean("badword")).isEqualTo("badword");
    }
}
