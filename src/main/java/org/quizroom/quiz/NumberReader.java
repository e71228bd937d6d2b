package org.quizroom.quiz;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import java.util.regex.Pattern;

/**
 * Reads a number the way a student types it, with thousands separators and decimal commas
 * (docs/quiz-format.md, "How numbers are read"). The rule, in order:
 * <ol>
 *   <li>Digits of any script count ({@code ١٩٥٣}, full-width {@code １９５３}); a leading {@code +},
 *       {@code -} or {@code −} is the sign.</li>
 *   <li>Spaces (also no-break and thin spaces) and apostrophes only group thousands:
 *       {@code 1 953} and {@code 1'953} are 1953.</li>
 *   <li>With both {@code ,} and {@code .}, the one that comes last is the decimal mark and the other
 *       groups thousands: {@code 1.953,5} and {@code 1,953.5} are 1953.5.</li>
 *   <li>A mark that appears more than once groups thousands: {@code 1,000,000}, {@code 1.000.000}.</li>
 *   <li>A single comma followed by exactly three digits, after one to three digits that are not a
 *       lone 0, groups thousands ({@code 1,953} is 1953); any other single comma is a decimal comma
 *       ({@code 2,5} is 2.5, {@code 0,125} is 0.125).</li>
 *   <li>A single dot is always a decimal point ({@code 1.953} is 1.953, as most phones type it).</li>
 * </ol>
 * Groups after the first must have exactly three digits, so {@code 19,53.5} is refused rather than
 * guessed. The phone page shows the student the reading before the answer is locked in.
 *
 * <p>One shape is truly ambiguous: a lone {@code .} or {@code ,} with one to three digits before it
 * (not a lone 0) and exactly three after, e.g. {@code 1.953} or {@code 2,500}. Many European schools
 * write 1953 as {@code 1.953}; English speakers write 1.953 so. {@link #reading} gives such text both
 * readings (rules 5 and 6 pick the first), and {@link AnswerChecker#resolve} keeps the one that is
 * right for the question, so a student is never marked wrong for the way their school writes numbers.
 */
public final class NumberReader {

    public static final int MAX_LENGTH = 40;
    /**
     * Largest number a student may give, exclusive: at most 15 digits before the point. Past 2^53 (about 9e15)
     * a double no longer holds every whole number, no classroom answer needs more, and a script sending 1e308
     * would otherwise be stored and shown in the reveal's answer list.
     */
    public static final double MAX_MAGNITUDE = 1e15;
    /** What the student is told when the text is not a plain decimal number (also for 1e5, Infinity, 0x10). */
    static final String EXAMPLE = "type a number like 1989 or 3.5";

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Pattern SHAPE = Pattern.compile("[0-9]*(?:[.,' ][0-9]+)*");
    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(?:x[0-9]{3})*");
    private static final Pattern AMBIGUOUS = Pattern.compile("[-+]?([1-9][0-9]{0,2})([.,])([0-9]{3})");

    /**
     * What typed text stands for: {@code value} by the rule above, and {@code otherReading} when the
     * text is the ambiguous shape (a lone {@code .} or {@code ,} before exactly three digits), else null.
     * The phone tells the student both before the answer is locked in ("Read as 1.953 or 1953: the
     * reading the question needs counts", play.js mirrors this rule).
     */
    public record Reading(double value, Double otherReading) {
    }

    /**
     * Both readings of {@code text} (see {@link Reading}).
     *
     * @throws InvalidAnswerException when the text is not a number by the rule above (the message says why)
     */
    public static Reading reading(String text) {
        double value = read(text);
        var ambiguous = AMBIGUOUS.matcher(plain(text));
        if (!ambiguous.matches()) {
            return new Reading(value, null);
        }
        double grouped = Double.parseDouble(ambiguous.group(1) + ambiguous.group(3));
        double decimal = Double.parseDouble(ambiguous.group(1) + "." + ambiguous.group(3));
        double other = Math.copySign(Math.abs(value) == grouped ? decimal : grouped, value);
        return new Reading(value, other);
    }

    private NumberReader() {
    }

    /**
     * The number {@code text} stands for.
     *
     * @throws InvalidAnswerException when the text is not a number by the rule above (the message says why)
     */
    public static double read(String text) {
        if (text == null) {
            throw new InvalidAnswerException("This question needs a number: " + EXAMPLE + ".");
        }
        if (text.length() > MAX_LENGTH) {
            throw tooBig();
        }
        String s = plain(text);
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1).strip();
        }
        if (s.isEmpty() || !SHAPE.matcher(s).matches() || s.chars().noneMatch(Character::isDigit)) {
            throw unreadable(text);
        }
        String decimalMark = decimalMark(s);
        if ("invalid".equals(decimalMark)) {
            throw unreadable(text);
        }
        String whole = s;
        String fraction = "";
        if (decimalMark != null) {
            int at = s.lastIndexOf(decimalMark);
            whole = s.substring(0, at);
            fraction = s.substring(at + 1);
            if (fraction.chars().anyMatch(c -> !Character.isDigit(c))) {
                throw unreadable(text);
            }
        }
        String grouped = whole.replaceAll("[.,' ]", "x");
        if (whole.isEmpty()) {
            whole = "0";
        } else if (grouped.contains("x")) {
            if (!GROUPED.matcher(grouped).matches()) {
                throw unreadable(text);
            }
            whole = grouped.replace("x", "");
        }
        double value = Double.parseDouble(whole + (fraction.isEmpty() ? "" : "." + fraction));
        return checkRange(negative ? -value : value);
    }

    /** The text with digits of any script made ASCII, spaces made plain and dashes made '-'. */
    private static String plain(String text) {
        var ascii = new StringBuilder();
        NFKC.normalize(text).strip().codePoints().forEach(cp -> {
            if (UCharacter.isDigit(cp)) {
                ascii.append((char) ('0' + UCharacter.digit(cp, 10)));
            } else if (Character.isSpaceChar(cp) || cp == '\u2019') {
                ascii.append(cp == '\u2019' ? '\'' : ' ');
            } else if (cp == '\u2212' || cp == '\u2013' || cp == '\u2012') {
                ascii.append('-');
            } else {
                ascii.appendCodePoint(cp);
            }
        });
        return ascii.toString();
    }

    /** Which mark ("," or ".") separates the fraction, or null when the number is whole. */
    private static String decimalMark(String s) {
        int commas = count(s, ',');
        int dots = count(s, '.');
        if (commas > 0 && dots > 0) {
            String last = s.lastIndexOf(',') > s.lastIndexOf('.') ? "," : ".";
            return count(s, last.charAt(0)) == 1 ? last : "invalid";
        }
        if (dots == 1) {
            return ".";
        }
        if (commas == 1) {
            int at = s.indexOf(',');
            String before = s.substring(0, at).replaceAll("[' ]", "");
            boolean groupsThousands = s.length() - at - 1 == 3 && before.length() >= 1 && before.length() <= 3
                    && !before.equals("0") && !s.substring(0, at).matches(".*[' ].*");
            return groupsThousands ? null : ",";
        }
        return null;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    private static InvalidAnswerException unreadable(String text) {
        String shown = text.strip();
        // Echo what was typed only while it is short enough to show on a phone.
        return new InvalidAnswerException((shown.length() <= 20 ? "'" + shown + "' is not a number I can read: "
                : "That is not a number I can read: ") + EXAMPLE + " (digits, no letters or e-notation).");
    }

    private static InvalidAnswerException tooBig() {
        return new InvalidAnswerException("That number is too big: " + EXAMPLE
                + " (at most 15 digits before the point).");
    }

    /**
     * {@code value} itself when a student may give it: finite and below {@link #MAX_MAGNITUDE} in size. Used
     * for typed text and for numbers sent as JSON numbers (which arrive already parsed, so 1e5 there is just
     * 100000; the typed-text rule above is what refuses e-notation).
     *
     * @throws InvalidAnswerException for NaN, an infinity or a number of 10^15 or more in size
     */
    public static double checkRange(double value) {
        if (Double.isNaN(value)) {
            throw new InvalidAnswerException("That is not a number I can read: " + EXAMPLE + ".");
        }
        if (Double.isInfinite(value) || Math.abs(value) >= MAX_MAGNITUDE) {
            throw tooBig();
        }
        return value;
    }

    /** How to show a number back to a student: whole numbers without ".0", others as typed in Java. */
    public static String show(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
