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

    @Test
    void charactersAreCountedAsPeopleCountThem() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // seven code points
        String england = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";
        String keycap = "1\uFE0F\u20E3";
        assertThat(policy.clean(family.repeat(12) + "Kim")).as("twelve families and three letters").isNotEmpty();
        assertThat(policy.clean(england + keycap + "a".repeat(28))).as("a flag and a keycap are one each").isNotEmpty();
        assertThat(policy.clean("Vie\u0323\u0302t".repeat(7))).as("letters typed with two accents").isNotEmpty();
        assertInvalid(family.repeat(31), "this one has 31");
        // Thirty characters, but 1 + 29 × 11 = 320 UTF-16 units: more than the stored column holds.
        assertInvalid("A" + family.repeat(29), "too long to store");
        assertInvalid("A" + england.repeat(15), "too long to store");
        assertThat(policy.clean("A" + family.repeat(18))).as("199 units fit").hasSize(199);
        assertInvalid("a".repeat(31), "this one has 31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bo \uD83E\uDEF6", "Cy \uD83E\uDD79", "Di \uD83E\uDE77", "x\uD83E\uDEE0", "Ed \uD83D\uDC26\u200D\uD83D\uDD25"})
    void emojiNewerThanJavasUnicodeAreAccepted(String nickname) {
        // Unicode 14 and 15 emoji (heart hands, face holding back tears, pink heart, melting face, phoenix).
        assertThat(policy.clean(nickname)).isEqualTo(nickname);
    }

    @Test
    void aBrokenCharacterIsRefused() {
        assertInvalid("a\uD800b", "control or invisible");
        assertInvalid("a\uDC00", "control or invisible");
    }

    @Test
    void aLetterBuriedInStackedAccentsIsRefused() {
        assertThat(policy.clean("Max\u0301\u0302\u0303\u0304")).as("four marks on one letter").isEqualTo("Max\u0301\u0302\u0303\u0304");
        assertInvalid("Max\u0301\u0302\u0303\u0304\u0305", "Too many accents stacked on one letter");
        assertInvalid("Z" + "\u0336\u0317\u0353".repeat(10) + "ed", "Too many accents");
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
    void lookAlikeLettersFromOtherScriptsAreTheSameName() {
        String ada = NicknamePolicy.sameNameKey("Ada");
        assertThat(NicknamePolicy.sameNameKey("\u0410da")).as("Cyrillic capital A").isEqualTo(ada);
        assertThat(NicknamePolicy.sameNameKey("Ad\u0430")).as("Cyrillic small a").isEqualTo(ada);
        assertThat(NicknamePolicy.sameNameKey("\u0391DA")).as("Greek capital Alpha, shouted").isEqualTo(ada);
        assertThat(NicknamePolicy.sameNameKey("\u0421\u043E\u0440")).as("all-Cyrillic Сор").isEqualTo(
                NicknamePolicy.sameNameKey("cop"));
        assertThat(NicknamePolicy.sameNameKey("Ian")).as("case still ignored").isEqualTo(NicknamePolicy.sameNameKey("IAN"));
        assertThat(NicknamePolicy.sameNameKey("Ada")).isNotEqualTo(NicknamePolicy.sameNameKey("Ida"));
        assertThat(NicknamePolicy.sameNameKey("Олег")).as("a real Cyrillic name keeps its own key")
                .isNotEqualTo(NicknamePolicy.sameNameKey("Oleg"));
    }

    @Test
    void emojiBuiltWithJoinersAndVariationSelectorsAreAllowed() {
        assertThat(policy.clean("Kim \uD83D\uDC69\u200D\uD83D\uDCBB")).as("woman technologist")
                .isEqualTo("Kim 👩‍💻");
        assertThat(policy.clean("Sam \u2764\uFE0F")).as("red heart with VS16").isEqualTo("Sam ❤️");
        assertThat(policy.clean("Jo \uD83D\uDC68\uD83C\uDFFD\u200D\uD83D\uDE80"))
                .as("astronaut with a skin tone").isNotBlank();
        assertThat(policy.clean("Lee \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08")).as("rainbow flag").isNotBlank();
        assertThat(policy.clean("Wyn \uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC77\uDB40\uDC6C\uDB40\uDC73\uDB40\uDC7F"))
                .as("flag of Wales (tag sequence)").startsWith("Wyn ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kim\u200D", "\u200DKim", "K\u200Dim", "Kim \u200D\uD83D\uDCBB",
            "Kim \uD83D\uDC69\u200D", "Ki\uFE0Fm", "\uFE0FKim", "Kim \uDB40\uDC67\uDB40\uDC7F",
            "Kim\u200B\uD83D\uDE00"})
    void joinersAndSelectorsOutsideEmojiAreStillInvisibleCharacters(String nickname) {
        assertInvalid(nickname, "control or invisible");
    }

    @Test
    void anEmptyBlockListBlocksNothing() {
        NicknamePolicy open = new NicknamePolicy(Set.of("", "!!!"));
        assertThat(open.clean("badword")).isEqualTo("badword");
    }

    @Test
    void aTypedAnswerIsScreenedWithTheSameWordsUnlessTheQuestionUsesThemItself() {
        NicknamePolicy words = new NicknamePolicy(Set.of("fuck", "hitler"));
        assertThat(words.hasBlockedWord("F.u.c.k off", "What gas do plants take in?")).isTrue();
        assertThat(words.hasBlockedWord("f4ck", "What gas do plants take in?")).as("not every near spelling").isFalse();
        assertThat(words.hasBlockedWord("Hitler", "Who led the Soviet Union after Stalin?")).isTrue();
        assertThat(words.hasBlockedWord("Hitler", "Whose invasion in 1941 broke the pact? Hitler's Germany"))
                .as("the lesson's own word").isFalse();
        assertThat(words.hasBlockedWord("carbon dioxide", "")).isFalse();
    }

    @Test
    void lookAlikeLettersInvisibleCharactersAndStretchedLettersDoNotHideAWord() {
        NicknamePolicy words = new NicknamePolicy(Set.of("fuck", "shit", "porn"));
        for (String sly : new String[] {"fu\u0441k you" /* Cyrillic es */, "f\u03C5ck off" /* Greek upsilon */,
                "fu\u200Bck", "fuuuuck", "shiiiit", "\uFF46\uFF55\uFF43\uFF4B"}) {
            assertThat(words.hasBlockedWord(sly, "")).as(sly).isTrue();
            assertThatThrownBy(() -> words.clean(sly)).as("as a nickname: " + sly).isInstanceOf(GameException.class);
        }
        for (String fine : new String[] {"Pompeii", "popcorn", "Scottish", "assassin", "class", "\u0421\u0442\u0430\u043B\u0438\u043D"}) {
            assertThat(words.hasBlockedWord(fine, "")).as(fine).isFalse();
        }
    }
}
