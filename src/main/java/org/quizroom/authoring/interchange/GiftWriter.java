package org.quizroom.authoring.interchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.Quiz;

/**
 * Writes a quiz as Moodle GIFT. Single, multi, true/false, typed and number questions are
 * written so that {@link GiftReader} reads them back as the same questions (the round trip the
 * tests check); sections become {@code $CATEGORY:} lines and explanations general feedback.
 * GIFT has no ordering questions and no polls, nor time limits or double points: those are named
 * in comments at the top of the file and in {@link ExportResult#notExported()}.
 */
public final class GiftWriter {

    private GiftWriter() {
    }

    public static ExportResult write(Quiz quiz) {
        var body = new StringBuilder();
        var skipped = new ArrayList<String>();
        String section = null;
        int n = 0;
        for (Question q : quiz.questions()) {
            n++;
            String answers = answerBlock(q);
            if (answers == null) {
                skipped.add("question " + n + " (" + q.type().wireName() + "): GIFT has no such question type: " + q.text());
                continue;
            }
            if (!Objects.equals(section, q.section())) {
                section = q.section();
                body.append("$CATEGORY: ").append(section.replace("/", "//")).append("\n\n");
            }
            body.append("::Q").append(n).append(":: ").append(escape(q.text())).append(" {\n")
                    .append(answers);
            if (!q.explanation().isBlank()) {
                body.append("\t####").append(escape(q.explanation())).append('\n');
            }
            body.append("}\n\n");
        }
        var head = new StringBuilder();
        head.append("// ").append(oneLine(quiz.title())).append('\n');
        if (!quiz.description().isBlank()) {
            head.append("// ").append(oneLine(quiz.description())).append('\n');
        }
        head.append("// Exported from Quizroom. Time limits and double points are not part of GIFT.\n");
        for (String s : skipped) {
            head.append("// Not exported: ").append(oneLine(s)).append('\n');
        }
        head.append('\n');
        return new ExportResult((head + body.toString()).getBytes(StandardCharsets.UTF_8),
                "text/plain;charset=UTF-8", "gift.txt", List.copyOf(skipped));
    }

    private static String answerBlock(Question q) {
        var sb = new StringBuilder();
        switch (q.type()) {
            case SINGLE -> {
                for (int i = 0; i < q.choices().size(); i++) {
                    sb.append('\t').append(q.correctChoices().contains(i) ? '=' : '~')
                            .append(escape(q.choices().get(i))).append('\n');
                }
            }
            case MULTI -> {
                int right = q.correctChoices().size();
                int wrong = q.choices().size() - right;
                for (int i = 0; i < q.choices().size(); i++) {
                    boolean ok = q.correctChoices().contains(i);
                    String weight = ok ? percent(100.0 / right) : "-" + percent(100.0 / wrong);
                    sb.append("\t~%").append(weight).append('%').append(escape(q.choices().get(i))).append('\n');
                }
            }
            case TRUEFALSE -> sb.append('\t').append(q.correctChoices().contains(0) ? "TRUE" : "FALSE").append('\n');
            case TYPE -> q.acceptedAnswers().forEach(a -> sb.append("\t=").append(escape(a)).append('\n'));
            case NUMBER -> {
                sb.append("\t#").append(GiftReader.fmt(q.correctNumber()));
                if (q.tolerance() > 0) {
                    sb.append(':').append(GiftReader.fmt(q.tolerance()));
                }
                sb.append('\n');
            }
            default -> {
                return null;
            }
        }
        return sb.toString();
    }

    /** Moodle accepts only certain percentages; 100/k for k = 1..6 are among them, to five decimals. */
    private static String percent(double value) {
        String s = String.format(java.util.Locale.ROOT, "%.5f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    /** Escapes the characters GIFT gives a meaning: backslash first, then ~ = # { } :, and new lines. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("~", "\\~").replace("=", "\\=").replace("#", "\\#")
                .replace("{", "\\{").replace("}", "\\}").replace(":", "\\:").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
