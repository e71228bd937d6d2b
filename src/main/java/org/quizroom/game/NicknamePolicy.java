package org.quizroom.game;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which nicknames are acceptable and when two nicknames are "the same" (case, accents,
 * spacing, punctuation and look-alike letters ignored). Markup is allowed: the pages always show
 * names as text. Emoji built with zero-width joiners or variation selectors are allowed; those
 * characters anywhere else are refused as invisible.
 */
public final class NicknamePolicy {

    /** At most this many characters as people count them: user-perceived characters (grapheme clusters). */
    public static final int MAX_LENGTH = 30;

    /**
     * At most this many combining marks on one character. Real writing needs two or three (Vietnamese tones,
     * Devanagari vowel signs on a conjunct); "Zalgo" text stacks dozens on one letter to draw over the lines
     * above and below it on the projector, which counting characters alone would now let through.
     */
    public static final int MAX_MARKS_PER_CHARACTER = 4;

    /**
     * At most this many UTF-16 units, the size of the stored column ({@code player.nickname varchar(200)}). Thirty
     * characters of plain text never reach it, but one emoji can take up to a dozen units or more (a family is
     * 11, a flag of England 14), so thirty of them would not fit; found by a fresh tester as a 500 error.
     */
    public static final int MAX_STORED_UNITS = 200;

    /**
     * Control, format (zero-width, bidi), private-use and unassigned characters, lone surrogates, line
     * separators, the blank "filler" letters (Hangul fillers, braille blank) used to fake an empty name, and
     * variation selectors (allowed only inside emoji, see {@link #withoutEmojiJoiners}). The categories are
     * ICU4J's, which follow the current Unicode version: Java 17's regex knows Unicode 13, so it called every
     * emoji added since (🫶, 🥹, 🩷, 🫠, on every phone sold since 2022) "unassigned" and refused it.
     */
    private static final UnicodeSet CONTROL = new UnicodeSet(
            "[[:Cc:][:Cf:][:Co:][:Cn:][:Cs:]\\u2028\\u2029\\u115F\\u1160\\u3164\\uFFA0\\u2800"
                    + "\\uFE00-\\uFE0F\\U000E0100-\\U000E01EF]").freeze();
    /** Any run of spaces, including no-break, em and ideographic spaces. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Zs}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}+");
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1+");
    /** Unicode TR39 confusable skeletons: a Cyrillic "А" and a Latin "A" get the same skeleton. */
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    private static final int ZWJ = 0x200D;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int CANCEL_TAG = 0xE007F;

    /** Each blocked word in the forms of {@link #blockForms}. */
    private final List<List<String>> blockedForms;

    /** @param blockedWords offensive words; matched inside the folded nickname, leetspeak undone */
    public NicknamePolicy(Set<String> blockedWords) {
        this.blockedForms = blockedWords.stream().map(NicknamePolicy::fold).filter(w -> !w.isEmpty()).distinct()
                .map(NicknamePolicy::blockForms).toList();
    }

    /**
     * The number of characters in {@code text} as a reader counts them: extended grapheme clusters (Unicode
     * UAX #29, ICU4J's character BreakIterator), so a family emoji of seven code points, a flag or an accented
     * letter typed as two code points is one character. The join page counts the same way
     * ({@code Intl.Segmenter}).
     *
     * @throws GameException NICKNAME_INVALID when one character carries more than
     *                       {@link #MAX_MARKS_PER_CHARACTER} combining marks
     */
    static int characterCount(String text) {
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int count = 0;
        int start = characters.first();
        for (int end = characters.next(); end != BreakIterator.DONE; start = end, end = characters.next()) {
            count++;
            if (MARKS.matcher(text.substring(start, end)).results()
                    .mapToInt(m -> m.group().codePointCount(0, m.group().length())).sum() > MAX_MARKS_PER_CHARACTER) {
                throw invalid("Too many accents stacked on one letter: at most " + MAX_MARKS_PER_CHARACTER + ".");
            }
        }
        return count;
    }

    /**
     * Returns the nickname as it will be shown, or throws NICKNAME_INVALID saying why, or NICKNAME_RESERVED
     * when it reads as the teacher or Quizroom itself ({@link ReservedNames}).
     */
    public String clean(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("Please type a nickname.");
        }
        if (CONTROL.containsSome(withoutEmojiJoiners(raw))) {
            throw invalid("Nicknames cannot contain control or invisible characters.");
        }
        String shown = SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").strip();
        if (shown.isEmpty()) {
            throw invalid("Please type a nickname.");
        }
        int characters = characterCount(shown);
        if (characters > MAX_LENGTH) {
            throw invalid("Nicknames can be at most " + MAX_LENGTH + " characters long; this one has "
                    + characters + ".");
        }
        if (shown.length() > MAX_STORED_UNITS) {
            throw invalid("This nickname is too long to store: some emoji are made of several symbols and take "
                    + "more room. Use fewer emoji.");
        }
        String key = sameNameKey(shown);
        if (key.isEmpty()) {
            throw invalid("Nicknames need at least one letter or digit.");
        }
        var reserved = ReservedNames.refusal(shown);
        if (reserved.isPresent()) {
            throw new GameException(ErrorCode.NICKNAME_RESERVED, reserved.get());
        }
        if (hasBlockedWord(shown)) {
            throw invalid("Please choose a different nickname.");
        }
        return shown;
    }

    /**
     * Whether {@code text} contains one of the blocked words, found as in a nickname: inside the folded text
     * (case, accents, spacing, punctuation and leetspeak undone).
     */
    public boolean hasBlockedWord(String text) {
        return hasBlockedWord(text, "");
    }

    /**
     * Whether {@code text} contains a blocked word that {@code lesson} does not: for a typed answer before the
     * class sees it on the reveal, with the question's own text as {@code lesson}. A history question about the
     * Nazis or a biology question about the body uses words that are blocked in nicknames; an answer that uses
     * them too is part of the lesson, not an insult.
     */
    public boolean hasBlockedWord(String text, String lesson) {
        List<String> forms = blockForms(text);
        List<String> lessonForms = blockForms(lesson);
        for (List<String> wordForms : blockedForms) {
            boolean found = false;
            boolean taught = false;
            for (int i = 0; i < wordForms.size(); i++) {
                found |= forms.get(i).contains(wordForms.get(i));
                taught |= lessonForms.get(i).contains(wordForms.get(i));
            }
            if (found && !taught) {
                return true;
            }
        }
        return false;
    }

    /**
     * The forms a blocked word is looked for in, each compared with the same form of the word: the folded text;
     * the text folded with look-alike letters from other scripts read as Latin (TR39), so a Cyrillic "с" or a Greek
     * "υ" reads as "c" or "u"; and the folded text with each run of one letter made single ("fuuuck"). Format
     * characters (zero-width, bidi overrides) are dropped first.
     */
    private static List<String> blockForms(String text) {
        String plain = FORMAT.matcher(text).replaceAll("");
        String folded = fold(plain);
        return List.of(folded, fold(lookAlikesAsLatin(plain.toLowerCase(Locale.ROOT))),
                REPEATS.matcher(folded).replaceAll("$1"));
    }

    /**
     * Each character outside ASCII replaced by its TR39 skeleton ("с" → "c"); ASCII is left alone, since the skeleton
     * of whole words also merges "rn" into "m" and would find "porn" in "Pompeii".
     */
    private static String lookAlikesAsLatin(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.appendCodePoint(cp);
            } else {
                out.append(SPOOF.getSkeleton(new String(Character.toChars(cp))));
            }
        });
        return out.toString();
    }

    /**
     * Two nicknames that share a key count as the same name: compatibility forms, case, accents, spacing and
     * punctuation are ignored, and look-alike letters from other scripts (Unicode TR39 confusables, e.g.
     * Cyrillic "Аda" or "Воb" for "Ada" or "Bob", Greek "Ο" for "O", capital "I" for "l") fold to one
     * skeleton. Two keys, because case and look-alikes interfere: lower-casing first keeps "Ian" and "ian"
     * one name, but turns a Cyrillic capital "В" into "в", which looks like no Latin letter; the skeleton of
     * the name as typed catches that (a fresh tester joined as "Воb" beside "Bob").
     *
     * @return one or two keys; a name is taken when any of its keys is another player's
     */
    public static List<String> sameNameKeys(String nickname) {
        String plain = MARKS.matcher(Normalizer.normalize(nickname, Normalizer.Form.NFKD)).replaceAll("");
        String caseFirst = keyOf(SPOOF.getSkeleton(plain.toLowerCase(Locale.ROOT)));
        String skeletonFirst = keyOf(SPOOF.getSkeleton(keyOf(SPOOF.getSkeleton(plain))));
        return caseFirst.equals(skeletonFirst) ? List.of(caseFirst) : List.of(caseFirst, skeletonFirst);
    }

    /** The first of {@link #sameNameKeys}: case, accents and look-alikes folded, for one name alone. */
    public static String sameNameKey(String nickname) {
        return sameNameKeys(nickname).get(0);
    }

    /** Accents dropped, lower case, letters and digits only (skeleton prototypes may be capitals). */
    private static String keyOf(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return NOT_ALNUM.matcher(folded).replaceAll("");
    }

    /**
     * The text with the invisible characters that legitimately build emoji removed: a zero-width
     * joiner between two pictographs (👩‍💻), a variation selector right after an emoji (❤️), and tag
     * characters inside a flag tag sequence (🏴 … cancel tag). Whatever invisible character is left is
     * then refused by the caller, so a lone joiner or one between letters still is.
     */
    static String withoutEmojiJoiners(String text) {
        int[] cps = text.codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length());
        boolean inTagSequence = false;
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (cp == BLACK_FLAG) {
                inTagSequence = true;
                out.appendCodePoint(cp);
                continue;
            }
            if (cp >= 0xE0020 && cp <= CANCEL_TAG) {
                if (inTagSequence) {
                    if (cp == CANCEL_TAG) {
                        inTagSequence = false;
                    }
                    continue;
                }
                out.appendCodePoint(cp);
                continue;
            }
            inTagSequence = false;
            if (cp == ZWJ && i > 0 && i + 1 < cps.length && pictographBefore(cps, i)
                    && UCharacter.hasBinaryProperty(cps[i + 1], UProperty.EXTENDED_PICTOGRAPHIC)) {
                continue;
            }
            if ((cp == 0xFE0F || cp == 0xFE0E) && i > 0 && UCharacter.hasBinaryProperty(cps[i - 1], UProperty.EMOJI)) {
                continue;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** The code point before index {@code i}, skipping a variation selector or skin-tone modifier, is a pictograph. */
    private static boolean pictographBefore(int[] cps, int i) {
        int j = i - 1;
        while (j > 0 && (cps[j] == 0xFE0F || UCharacter.hasBinaryProperty(cps[j], UProperty.EMOJI_MODIFIER))) {
            j--;
        }
        return UCharacter.hasBinaryProperty(cps[j], UProperty.EXTENDED_PICTOGRAPHIC);
    }

    /** The key with common letter substitutions undone, for the word filter. */
    static String fold(String text) {
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
