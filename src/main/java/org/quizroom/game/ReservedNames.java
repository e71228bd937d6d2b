package org.quizroom.game;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Nicknames that read as the teacher or as Quizroom itself on the projector's leaderboard, refused at join
 * (a fresh tester joined as "Teacher" and led the class's leaderboard as the teacher). Names are compared
 * with {@link NicknamePolicy}'s foldings (case, accents, spacing, punctuation, look-alike letters from other
 * scripts, and leetspeak such as "T3ach3r"), so "TEACHER", "Teächer", "Теacher" (Cyrillic) and "H0st" are
 * all caught.
 *
 * <p>The rule (docs/security.md, "Nicknames"), where the line is drawn:
 * <ul>
 *   <li>A role word alone is refused: {@link #ROLE_WORDS} (the words a UK or US classroom uses for the
 *       person running the lesson or the software), also with digits or punctuation around it
 *       ("Teacher!", "teacher 1", "Host #2") and after "the", "your", "real", "official" or a title
 *       ("The Host", "Mr Teacher").</li>
 *   <li>Any name beginning or ending with "teacher" or "quizroom" is refused ("Teacher Bob",
 *       "Supply teacher", "Quizroom bot"): neither is anyone's name.</li>
 *   <li>Titles are refused only alone ("Miss", "Sir 2"): "Miss Piggy", "Sir Lancelot" and "Mr Bean" are
 *       ordinary joke names and pass, as do names that merely contain a role word ("Hostess", "Badminton",
 *       "Siri", "Missy").</li>
 * </ul>
 * A student who takes the teacher's own surname ("Mr Smith") is not caught: no list can know it; the
 * teacher removes them from the roster.
 */
final class ReservedNames {

    /** Refused when the whole name (ignoring a leading "the" or title and trailing digits) is one of these. */
    static final List<String> ROLE_WORDS = List.of("teacher", "host", "admin", "administrator", "moderator",
            "quizroom", "quiz room", "sir", "miss", "mr", "mrs", "ms", "mx", "headteacher", "principal");
    /** Refused at the start or end of any name: no one is called this. */
    private static final List<String> NEVER_A_NAME = List.of("teacher", "quizroom");
    /** Dropped from the front before comparing ("The Host", "Mr Teacher"), when something follows. */
    private static final List<String> LEADING = List.of("the", "your", "ur", "real", "official", "mr", "mrs", "ms",
            "mx", "miss", "sir");
    private static final Set<String> PRODUCT = Set.of("quizroom", "quiz room");
    /** Digits, punctuation, symbols and spaces at either end: "Teacher!", "teacher 1", "#1 Host". */
    private static final Pattern EDGES = Pattern.compile("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$");
    /** Punctuation, symbols and spaces at either end, digits kept: "7eacher!" keeps its 7 for the leetspeak fold. */
    private static final Pattern MARKS_AT_EDGES = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");

    /** A folding with the reserved words already folded by it (folded once: each join checks them all). */
    private record Folding(Function<String, String> fold, List<String> roles, List<String> neverAName,
                           List<String> leading) {
        static Folding of(Function<String, String> fold) {
            return new Folding(fold, ROLE_WORDS.stream().map(fold).toList(), NEVER_A_NAME.stream().map(fold).toList(),
                    LEADING.stream().map(fold).toList());
        }
    }

    /**
     * The three foldings {@link NicknamePolicy} already uses: its same-name key (case first), the skeleton of
     * the name as typed (catches Cyrillic capitals), and the word filter's leetspeak fold.
     */
    private static final List<Folding> FOLDINGS = List.of(
            Folding.of(text -> NicknamePolicy.sameNameKeys(text).get(0)),
            Folding.of(text -> { List<String> keys = NicknamePolicy.sameNameKeys(text); return keys.get(keys.size() - 1); }),
            Folding.of(NicknamePolicy::fold));

    private ReservedNames() {
    }

    /**
     * Why {@code shown} (a nickname already trimmed and normalised by {@link NicknamePolicy#clean}) cannot be
     * used, or empty when it can.
     *
     * @return the message for the phone, e.g. "That name belongs to the teacher: pick your own."
     */
    static Optional<String> refusal(String shown) {
        // With the digits at the ends dropped ("Teacher 1") and with them kept, for the leetspeak fold to read
        // ("7eacher", "4dmin", "5ir").
        Set<String> bases = new LinkedHashSet<>();
        bases.add(EDGES.matcher(shown).replaceAll(""));
        bases.add(MARKS_AT_EDGES.matcher(shown).replaceAll(""));
        bases.remove("");
        for (String base : bases) {
            Optional<String> refusal = refusalOf(base);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> refusalOf(String base) {
        for (Folding folding : FOLDINGS) {
            for (String candidate : candidates(folding.fold().apply(base), folding)) {
                for (int i = 0; i < ROLE_WORDS.size(); i++) {
                    if (candidate.equals(folding.roles().get(i))) {
                        return Optional.of(message(ROLE_WORDS.get(i)));
                    }
                }
                for (int i = 0; i < NEVER_A_NAME.size(); i++) {
                    String folded = folding.neverAName().get(i);
                    if (candidate.startsWith(folded) || candidate.endsWith(folded)) {
                        return Optional.of(message(NEVER_A_NAME.get(i)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The key itself, and the key without each leading word of {@link #LEADING} it starts with (when more follows). */
    private static Set<String> candidates(String key, Folding folding) {
        Set<String> out = new LinkedHashSet<>();
        out.add(key);
        for (String folded : folding.leading()) {
            if (key.length() > folded.length() && key.startsWith(folded)) {
                out.add(key.substring(folded.length()));
            }
        }
        return out;
    }

    private static String message(String word) {
        return PRODUCT.contains(word) ? "That name belongs to Quizroom itself: pick your own."
                : "That name belongs to the teacher: pick your own.";
    }
}
