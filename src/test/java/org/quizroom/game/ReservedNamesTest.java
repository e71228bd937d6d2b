package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names that would show on the projector as the teacher or as Quizroom itself (issue: impersonating the teacher). */
class ReservedNamesTest {

    private final NicknamePolicy policy = new NicknamePolicy(Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"Teacher", "TEACHER", "teacher", "Teächer", "T e a c h e r", "Teacher!", "teacher 1",
            "Teacher2", "#1 Teacher", "Teacher :)", "The Teacher", "Mr Teacher", "Miss Teacher", "Your teacher",
            "T3ach3r", "Te@cher", "\u0422eacher" /* Cyrillic capital Te */, "Teac\u04BBer" /* Cyrillic shha */,
            "ＴＥＡＣＨＥＲ" /* full width */, "Teacher Bob", "Mr Teacher Bob", "The teacher is here", "Supply teacher", "Teacher's pet",
            "Host", "HOST", "h0st", "The Host", "Host #2", "Нost" /* Cyrillic En */,
            "Admin", "admin1", "Аdmin" /* Cyrillic A */, "Administrator", "Moderator", "Mod-erator",
            "Headteacher", "Head Teacher", "Principal",
            "Sir", "sir!", "Miss", "MISS 2", "Mr", "Mrs.", "Ms", "Mx",
            // a digit for the first letter (a fresh tester's finding): the digits at the ends are read too
            "7eacher", "4dmin", "5ir", "#7eacher!", "M155", "H057"})
    void namesThatReadAsTheTeacherAreRefused(String nickname) {
        assertThatThrownBy(() -> policy.clean(nickname)).as(nickname)
                .isInstanceOfSatisfying(GameException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NICKNAME_RESERVED);
                    assertThat(e.getMessage()).isEqualTo("That name belongs to the teacher: pick your own.");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quizroom", "QuizRoom", "Quiz Room", "quiz-room 2", "Quizr00m", "Quizroom bot",
            "The Quizroom", "Qu\u0456zroom" /* Cyrillic i */})
    void namesThatReadAsTheProductAreRefused(String nickname) {
        assertThatThrownBy(() -> policy.clean(nickname)).as(nickname)
                .isInstanceOfSatisfying(GameException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NICKNAME_RESERVED);
                    assertThat(e.getMessage()).contains("belongs to Quizroom");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Miss Piggy", "Sir Lancelot", "Mr Bean", "Mrs Doubtfire", "Hostess", "Badminton",
            "Siri", "Missy", "Sirius", "Hosting", "Admiral", "Ms Marvel", "Mr. T", "Preacher", "Teach", "Ghost",
            "Principia", "Mo", "Ada", "Tea", "Cher", "Ali 1", "Jo 5", "2 Chainz", "Agent 007", "R2D2"})
    void ordinaryNamesThatMerelyContainARoleWordStillJoin(String nickname) {
        assertThat(policy.clean(nickname)).isEqualTo(nickname);
    }
}
