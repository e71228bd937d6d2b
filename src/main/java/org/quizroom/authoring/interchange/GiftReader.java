package org.quizroom.authoring.interchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Moodle's GIFT format (as documented in Moodle's "GIFT format" help page) into Quizroom
 * questions. Written by hand: no maintained Java reader exists (the ones found are for Perl,
 * Python, Ruby and JavaScript).
 *
 * <p>Converted: multiple choice (one right answer → single; weighted answers with several
 * positive weights → multi, the weights replaced by Quizroom's scoring; no right answer → poll),
 * true/false, short answer (every full-credit answer accepted), numerical with a tolerance
 * ({@code 1953:2}) or a range ({@code 1950..1956}), missing-word questions (the gap shown as
 * "___"), general feedback ({@code ####}) and the right answer's feedback as the explanation,
 * {@code $CATEGORY:} as the section, comments, escapes ({@code \~ \= \# \{ \} \: \\ \n}),
 * CRLF and a BOM. Listed as not converted: matching, essay, description, and partial-credit
 * answers of short-answer and numerical questions.
 */
public final class GiftReader {

    private static final Pattern WEIGHT = Pattern.compile("^%(-?[0-9]+(?:\\.[0-9]+)?)%");
    private static final Pattern NUMBER = Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
    private static final Pattern FORMAT = Pattern.compile("^\\[(html|moodle|plain|markdown)\\]", Pattern.CASE_INSENSITIVE);

    private final ImportResult.Builder out;
    private final String defaultSection;
    private String section;

    private GiftReader(String fileName) {
        this.out = new ImportResult.Builder("gift", fileName, "line");
        this.defaultSection = ImportResult.titleFrom(fileName);
        this.section = defaultSection;
    }

    /** Converts a GIFT file's bytes; never throws for bad content, it lists it instead. */
    public static ImportResult read(String fileName, byte[] bytes) {
        return new GiftReader(fileName).read(TextFiles.decode(bytes));
    }

    private ImportResult read(String text) {
        List<String> lines = TextFiles.lines(text);
        var block = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            String trimmed = line.strip();
            if (trimmed.startsWith("//")) {
                continue;
            }
            if (trimmed.regionMatches(true, 0, "$CATEGORY:", 0, 10)) {
                flush(block, start);
                category(trimmed.substring(10).strip());
                continue;
            }
            if (trimmed.isEmpty()) {
                flush(block, start);
                continue;
            }
            if (block.isEmpty()) {
                start = i + 1;
            } else {
                block.append('\n');
            }
            block.append(line);
        }
        return out.build(defaultSection);
    }

    private void category(String path) {
        String cleaned = path.replaceFirst("^\\$(course|system|module|cat\\d*)\\$/?", "").replaceFirst("^top/?", "");
        String[] parts = cleaned.split("(?<!/)/(?!/)");
        String last = parts.length == 0 ? "" : parts[parts.length - 1].replace("//", "/").strip();
        section = last.isEmpty() ? defaultSection : last;
    }

    private void flush(StringBuilder block, int line) {
        if (block.isEmpty()) {
            return;
        }
        String raw = block.toString();
        block.setLength(0);
        try {
            question(raw, line);
        } catch (RuntimeException e) {
            out.skipped(line, "could not be read as a GIFT question: " + e.getMessage(), raw);
        }
    }

    private void question(String raw, int line) {
        String text = raw.strip();
        if (text.startsWith("::")) {
            int end = indexOfUnescaped(text, "::", 2);
            if (end < 0) {
                out.skipped(line, "the question name starts with '::' but never ends with '::'", raw);
                return;
            }
            text = text.substring(end + 2).strip();
        }
        boolean html = false;
        Matcher format = FORMAT.matcher(text);
        if (format.find()) {
            html = format.group(1).equalsIgnoreCase("html");
            text = text.substring(format.end()).strip();
        }
        int open = indexOfUnescaped(text, "{", 0);
        if (open < 0) {
            out.skipped(line, "a description (text without an answer block) is not a question", raw);
            return;
        }
        int close = indexOfUnescaped(text, "}", open + 1);
        if (close < 0) {
            out.skipped(line, "the answer block opened with '{' is never closed with '}'", raw);
            return;
        }
        String before = text.substring(0, open).strip();
        String after = text.substring(close + 1).strip();
        String answers = text.substring(open + 1, close).strip();
        String questionText = unescape(before) + (after.isEmpty() ? "" : " ___ " + unescape(after));
        if (html) {
            String plain = stripHtml(questionText);
            if (!plain.equals(questionText)) {
                out.changed(line, "HTML formatting was removed; the text is kept", raw);
            }
            questionText = plain;
        }
        questionText = questionText.replaceAll("\\s+", " ").strip();
        if (questionText.isEmpty() || questionText.equals("___")) {
            out.skipped(line, "the question has no text", raw);
            return;
        }

        String general = null;
        int generalAt = indexOfUnescaped(answers, "####", 0);
        if (generalAt >= 0) {
            general = clean(answers.substring(generalAt + 4));
            answers = answers.substring(0, generalAt).strip();
        }

        if (answers.isEmpty()) {
            out.skipped(line, "essay questions are not supported: Quizroom marks answers live, not free text", raw);
            return;
        }
        if (answers.startsWith("#")) {
            numerical(answers.substring(1), questionText, general, line, raw);
            return;
        }
        String head = answers;
        int hash = indexOfUnescaped(answers, "#", 0);
        if (hash >= 0) {
            head = answers.substring(0, hash);
        }
        String tf = head.strip().toUpperCase(Locale.ROOT);
        if (tf.equals("T") || tf.equals("TRUE") || tf.equals("F") || tf.equals("FALSE")) {
            boolean value = tf.startsWith("T");
            String rightFeedback = null;
            if (hash >= 0) {
                List<String> feedback = splitUnescaped(answers.substring(hash + 1), '#');
                // Moodle shows the first feedback after a wrong answer, the second after a right one.
                rightFeedback = feedback.size() > 1 ? clean(feedback.get(1)) : null;
            }
            var q = base("truefalse", questionText);
            q.put("answer", value);
            finish(q, firstNonBlank(general, rightFeedback), value ? "true" : "false", line);
            return;
        }
        List<Choice> choices = choices(answers);
        if (choices.isEmpty()) {
            out.skipped(line, "no answers found between '{' and '}'", raw);
            return;
        }
        if (choices.stream().anyMatch(c -> c.right && c.text.contains("->"))) {
            out.skipped(line, "matching questions are not supported", raw);
            return;
        }
        boolean anyWrong = choices.stream().anyMatch(c -> !c.right);
        if (!anyWrong) {
            shortAnswer(choices, questionText, general, line, raw);
        } else {
            multipleChoice(choices, questionText, general, line, raw);
        }
    }

    private void shortAnswer(List<Choice> choices, String text, String general, int line, String raw) {
        var accepted = new ArrayList<String>();
        String feedback = null;
        for (Choice c : choices) {
            if (c.weight == null || c.weight >= 100) {
                accepted.add(c.text);
                feedback = feedback == null ? c.feedback : feedback;
            } else {
                out.changed(line, "partial-credit answer '" + c.text + "' (" + fmt(c.weight)
                        + "%) left out: a typed answer is either accepted or not", raw);
            }
        }
        if (accepted.isEmpty()) {
            out.skipped(line, "short answer with no full-credit answer", raw);
            return;
        }
        var q = base("type", text);
        q.put("answers", accepted);
        finish(q, firstNonBlank(general, feedback), accepted.get(0), line);
    }

    private void multipleChoice(List<Choice> choices, String text, String general, int line, String raw) {
        var texts = new ArrayList<String>();
        var right = new ArrayList<String>();
        String feedback = null;
        boolean weighted = false;
        for (Choice c : choices) {
            texts.add(c.text);
            boolean isRight = c.weight != null ? c.weight > 0 : c.right;
            if (c.weight != null && c.weight > 0 && c.weight < 100) {
                weighted = true;
            }
            if (isRight) {
                right.add(c.text);
                feedback = feedback == null ? c.feedback : feedback;
            }
        }
        Map<String, Object> q;
        if (right.isEmpty()) {
            q = base("poll", text);
            q.put("choices", texts);
            out.changed(line, "no answer is marked right, so it became a poll (no points)", raw);
            finish(q, general, null, line);
            return;
        }
        if (right.size() == 1) {
            q = base("single", text);
            q.put("choices", texts);
            q.put("answer", right.get(0));
            if (weighted) {
                out.changed(line, "the only answer with credit counts as the right one", raw);
            }
        } else {
            q = base("multi", text);
            q.put("choices", texts);
            q.put("answers", right);
            if (choices.stream().anyMatch(c -> c.weight != null && c.weight < 0) || weighted) {
                out.changed(line, "answer weights replaced by Quizroom's rule: points for right picks minus wrong picks", raw);
            }
        }
        finish(q, firstNonBlank(general, feedback), String.join(", ", right), line);
    }

    private void numerical(String body, String text, String general, int line, String raw) {
        List<String> parts = new ArrayList<>();
        String trimmed = body.strip();
        if (trimmed.startsWith("=")) {
            for (String p : splitUnescaped(trimmed, '=')) {
                if (!p.isBlank()) {
                    parts.add(p.strip());
                }
            }
        } else {
            parts.add(trimmed);
        }
        Double answer = null;
        double tolerance = 0;
        String feedback = null;
        for (String part : parts) {
            Double weight = null;
            Matcher w = WEIGHT.matcher(part);
            if (w.find()) {
                weight = Double.parseDouble(w.group(1));
                part = part.substring(w.end());
            }
            String fb = null;
            int hash = indexOfUnescaped(part, "#", 0);
            if (hash >= 0) {
                fb = clean(part.substring(hash + 1));
                part = part.substring(0, hash);
            }
            String value = part.strip();
            double[] parsed = numericValue(value);
            if (parsed == null) {
                out.skipped(line, "'" + value + "' is not a number, a number:tolerance or a min..max range", raw);
                return;
            }
            if (weight != null && weight < 100) {
                out.changed(line, "partial-credit answer " + value + " (" + fmt(weight)
                        + "%) left out: a number is either within the tolerance or not", raw);
                continue;
            }
            if (answer != null) {
                out.changed(line, "only the first full-credit number is kept; " + value + " left out", raw);
                continue;
            }
            answer = parsed[0];
            tolerance = parsed[1];
            feedback = fb;
        }
        if (answer == null) {
            out.skipped(line, "numerical question with no full-credit answer", raw);
            return;
        }
        var q = base("number", text);
        q.put("answer", answer);
        if (tolerance > 0) {
            q.put("tolerance", tolerance);
        }
        finish(q, firstNonBlank(general, feedback), fmt(answer), line);
    }

    /** "1953" → {1953, 0}; "1953:2" → {1953, 2}; "1950..1956" → {1953, 3}; null when unreadable. */
    static double[] numericValue(String value) {
        int range = value.indexOf("..");
        try {
            if (range >= 0) {
                double min = Double.parseDouble(value.substring(0, range).strip());
                double max = Double.parseDouble(value.substring(range + 2).strip());
                return new double[] {(min + max) / 2, Math.abs(max - min) / 2};
            }
            int colon = value.indexOf(':');
            if (colon >= 0) {
                return new double[] {Double.parseDouble(value.substring(0, colon).strip()),
                        Math.abs(Double.parseDouble(value.substring(colon + 1).strip()))};
            }
            if (!NUMBER.matcher(value).matches()) {
                return null;
            }
            return new double[] {Double.parseDouble(value), 0};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private record Choice(boolean right, Double weight, String text, String feedback) {
    }

    /** Splits "=a#fb ~%50%b ~c" into its answers: each starts at an unescaped '=' or '~'. */
    private static List<Choice> choices(String answers) {
        var result = new ArrayList<Choice>();
        var starts = new ArrayList<Integer>();
        for (int i = 0; i < answers.length(); i++) {
            char c = answers.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == '~') {
                // "->" inside a matching pair is not an answer start.
                if (c == '=' || i == 0 || answers.charAt(i - 1) != '-') {
                    starts.add(i);
                }
            }
        }
        for (int k = 0; k < starts.size(); k++) {
            int s = starts.get(k);
            int e = k + 1 < starts.size() ? starts.get(k + 1) : answers.length();
            boolean right = answers.charAt(s) == '=';
            String part = answers.substring(s + 1, e).strip();
            Double weight = null;
            Matcher w = WEIGHT.matcher(part);
            if (w.find()) {
                weight = Double.parseDouble(w.group(1));
                part = part.substring(w.end());
            }
            String feedback = null;
            int hash = indexOfUnescaped(part, "#", 0);
            if (hash >= 0) {
                feedback = clean(part.substring(hash + 1));
                part = part.substring(0, hash);
            }
            result.add(new Choice(right, weight, clean(part), feedback));
        }
        return result;
    }

    private Map<String, Object> base(String type, String text) {
        var q = new LinkedHashMap<String, Object>();
        q.put("type", type);
        q.put("text", text);
        return q;
    }

    private void finish(Map<String, Object> q, String explanation, String answer, int line) {
        q.put("section", section);
        if (explanation != null && !explanation.isBlank()) {
            q.put("explanation", explanation);
        } else if (answer != null) {
            q.put("explanation", ImportResult.answerExplanation(answer));
        }
        out.question(line, q);
    }

    static int indexOfUnescaped(String text, String what, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (text.startsWith(what, i)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitUnescaped(String text, char separator) {
        var parts = new ArrayList<String>();
        int last = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == separator) {
                parts.add(text.substring(last, i));
                last = i + 1;
            }
        }
        parts.add(text.substring(last));
        return parts;
    }

    /** Resolves GIFT escapes: \~ \= \# \{ \} \: \\ and \n (a new line, read as a space). */
    static String unescape(String text) {
        var sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                sb.append(next == 'n' ? ' ' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String clean(String text) {
        return unescape(text).replaceAll("\\s+", " ").strip();
    }

    private static String stripHtml(String text) {
        return text.replaceAll("(?i)<br\\s*/?>|</p>", " ").replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
