package org.quizroom.authoring.interchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Aiken format (Moodle's simplest): a question on one or more lines, its options as
 * {@code A. text} or {@code A) text}, then {@code ANSWER: B}. Each question becomes a single-choice
 * question. Written by hand: the format is a dozen lines of rules and no Java library reads it.
 */
public final class AikenReader {

    private static final Pattern OPTION = Pattern.compile("^([A-Za-z])[.)]\\s+(.*)$");
    private static final Pattern ANSWER = Pattern.compile("^ANSWER\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private AikenReader() {
    }

    /** Converts an Aiken file's bytes; bad questions are listed, never thrown. */
    public static ImportResult read(String fileName, byte[] bytes) {
        var out = new ImportResult.Builder("aiken", fileName, "line");
        String section = ImportResult.titleFrom(fileName);
        List<String> lines = TextFiles.lines(TextFiles.decode(bytes));
        var text = new StringBuilder();
        var letters = new ArrayList<Character>();
        var options = new ArrayList<String>();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher answer = ANSWER.matcher(line);
            Matcher option = OPTION.matcher(line);
            if (answer.matches()) {
                if (text.isEmpty()) {
                    out.skipped(lineNo, "an ANSWER: line with no question before it", line);
                } else if (options.size() < 2) {
                    out.skipped(start, "needs at least two options (A. …, B. …) before ANSWER:", text.toString());
                } else {
                    String letter = answer.group(1).strip();
                    int index = letter.length() == 1 ? letters.indexOf(Character.toUpperCase(letter.charAt(0))) : -1;
                    if (index < 0) {
                        out.skipped(start, "ANSWER: '" + letter + "' is not one of the option letters "
                                + letters, text.toString());
                    } else {
                        var q = new LinkedHashMap<String, Object>();
                        q.put("type", "single");
                        q.put("text", text.toString().strip());
                        q.put("choices", List.copyOf(options));
                        q.put("answer", options.get(index));
                        q.put("section", section);
                        q.put("explanation", ImportResult.answerExplanation(options.get(index)));
                        out.question(start, q);
                    }
                }
                text.setLength(0);
                options.clear();
                letters.clear();
            } else if (option.matches() && !text.isEmpty()) {
                char letter = Character.toUpperCase(option.group(1).charAt(0));
                if (letters.contains(letter)) {
                    out.changed(lineNo, "option " + letter + " appears twice; the second was left out", line);
                } else {
                    letters.add(letter);
                    options.add(option.group(2).strip());
                }
            } else if (!options.isEmpty()) {
                // Text after the options without an ANSWER line: the previous question never ended.
                out.skipped(start, "no ANSWER: line after the options", text.toString());
                text.setLength(0);
                options.clear();
                letters.clear();
                start = lineNo;
                text.append(line);
            } else {
                if (text.isEmpty()) {
                    start = lineNo;
                } else {
                    text.append(' ');
                }
                text.append(line);
            }
        }
        if (!text.isEmpty()) {
            out.skipped(start, "the file ends before this question's ANSWER: line", text.toString());
        }
        return out.build(section);
    }
}
