package org.quizroom.game;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which nicknames are acceptable and when two nicknames are "the same" (case, accents,
 * spacing and punctuation ignored). Markup is allowed: the pages always show names as text.
 */
public final class NicknamePolicy {

    public static final int MAX_LENGTH = 30;

    /**
     * Control, format (zero-width, bidi), private-use and unassigned characters, line separators,
     * and the blank "filler" letters (Hangul fillers, braille blank) used to fake an empty name.
     */
    private static final Pattern CONTROL = Pattern.compile(
            "[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\u2028\\u2029\\u115F\\u1160\\u3164\\uFFA0\\u2800]");
    /** Any run of spaces, including no-break, em and ideographic spaces. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Zs}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Set<String> blockedWords;

    /** @param blockedWords offensive words; matched inside the folded nickname, leetspeak undone */
    public NicknamePolicy(Set<String> blockedWords) {
        this.blockedWords = blockedWords.stream().map(NicknamePolicy::fold).filter(w -> !w.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Returns the nickname as it will be shown, or throws NICKNAME_INVALID saying why. */
    public String clean(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("Please type a nickname.");
        }
        if (CONTROL.matcher(raw).find()) {
            throw invalid("Nicknames cannot contain control or invisible characters.");
        }
        String shown = SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").strip();
        if (shown.isEmpty()) {
            throw invalid("Please type a nickname.");
        }
        if (shown.codePointCount(0, shown.length()) > MAX_LENGTH) {
            throw invalid("Nicknames can be at most " + MAX_LENGTH + " characters long.");
        }
        String key = sameNameKey(shown);
        if (key.isEmpty()) {
            throw invalid("Nicknames need at least one letter or digit.");
        }
        String folded = fold(shown);
        for (String word : blockedWords) {
            if (folded.contains(word)) {
                throw invalid("Please choose a different nickname.");
            }
        }
        return shown;
    }

    /** Two nicknames with the same key count as the same name. */
    public static String sameNameKey(String nickname) {
        String decomposed = Normalizer.normalize(nickname, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_ALNUM.matcher(plain).replaceAll("");
    }

    /** The key with common letter substitutions undone, for the word filter. */
    private static String fold(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT).toCharArray()) {
            char mapped = switch (c) {
                case '0' -> 'o';
                case '1', '!', '|' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            };
            if (Character.isLetter(mapped)) {
                out.append(mapped);
            }
        }
        return MARKS.matcher(out).replaceAll("");
    }

    private static GameException invalid(String message) {
        return new GameException(ErrorCode.NICKNAME_INVALID, message);
    }
}
