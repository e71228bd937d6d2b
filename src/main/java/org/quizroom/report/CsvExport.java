package org.quizroom.report;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The report as CSV files a spreadsheet opens safely in comma and semicolon locales: every field is
 * quoted, text that a spreadsheet could run as a formula is defused, and numbers are written as plain
 * integers (ms, points, percent) so no locale reads a decimal separator into them.
 */
public final class CsvExport {

    /** Byte-order mark: without it Excel reads UTF-8 as the local code page and mangles "Zoë". */
    static final String BOM = "\uFEFF";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\r\n").get();

    /**
     * A formula starter (= + - @) at the start of the value or after anything a spreadsheet might split
     * on (comma, semicolon, tab, pipe, line break), spaces allowed between. OWASP's CSV-injection advice
     * covers the start only; a nickname like {@code a;=2+5;b} shows why a semicolon-locale spreadsheet
     * that splits inside a field needs the rest.
     */
    private static final Pattern FORMULA = Pattern.compile("(^|[,;\\t|\\r\\n])([ ]*)([=+\\-@])");

    private CsvExport() {
    }

    /** Prefixes every formula starter found by {@link #FORMULA} with a quote, which spreadsheets show as text. */
    public static String defuse(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return FORMULA.matcher(value).replaceAll("$1$2'$3");
    }

    /**
     * One row per student per asked question: pin, nickname, removed (1/0), question (1-based), section,
     * question_text, type, answer (as given; empty when not answered), correct (1/0, empty when not
     * answered or a poll), points, response_ms (the time scored), raw_ms (sent to arrived) and
     * network_allowance_ms (the difference forgiven); the three times empty when not answered.
     */
    public static void answers(Report report, Writer out) throws IOException {
        out.write(BOM);
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        csv.printRecord("pin", "nickname", "removed", "question", "section", "question_text", "type", "answer",
                "correct", "points", "response_ms", "raw_ms", "network_allowance_ms");
        for (Report.PlayerRow p : report.players()) {
            for (Report.PlayerAnswer a : p.answers()) {
                Report.QuestionRow q = report.questions().get(a.question());
                csv.printRecord(report.pin(), defuse(p.nickname()), flag(p.kicked()), a.question() + 1,
                        defuse(q.section()), defuse(q.text()), q.questionType(), answerCell(q, a.answer()),
                        a.correct() == null ? "" : flag(a.correct()), a.points(),
                        orEmpty(a.responseMs()), orEmpty(a.rawMs()), orEmpty(a.networkAllowanceMs()));
            }
        }
        csv.flush(); // not closed: the caller owns the stream
    }

    /**
     * One row per student: pin, rank (empty for a removed student), nickname, removed, score, correct,
     * answered, questions_asked, percent_correct (of the scored questions the class answered), weakest_section,
     * network_allowance_ms (median forgiven per answer; empty without answers).
     */
    public static void summary(Report report, Writer out) throws IOException {
        out.write(BOM);
        // Out of the scored questions the class answered: one the teacher skipped at once counts for nobody.
        long scoredAsked = report.questions().stream()
                .filter(q -> !"poll".equals(q.questionType()) && q.answered() > 0).count();
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        csv.printRecord("pin", "rank", "nickname", "removed", "score", "correct", "answered", "questions_asked",
                "percent_correct", "weakest_section", "network_allowance_ms");
        for (Report.PlayerRow p : report.players()) {
            Integer pct = ReportStatistics.percent(p.correctCount(), scoredAsked);
            csv.printRecord(report.pin(), p.rank() == null ? "" : p.rank(), defuse(p.nickname()), flag(p.kicked()),
                    p.score(), p.correctCount(), p.answeredCount(), report.questions().size(),
                    pct == null ? "" : pct, defuse(p.weakestSection()), orEmpty(p.networkAllowanceMs()));
        }
        csv.flush();
    }

    /** A number answer stays a number (a leading minus is a sign, not a formula); anything else is defused. */
    private static String answerCell(Report.QuestionRow q, String answer) {
        if (answer == null) {
            return "";
        }
        if ("number".equals(q.questionType()) && answer.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return answer;
        }
        return defuse(answer);
    }

    private static Object orEmpty(Long value) {
        return value == null ? "" : value;
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    /** The file name of a download: quiz title and game date, e.g. {@code Warm-up 2026-11-30 answers.csv}. */
    static String fileName(Report report, String suffix) {
        String title = report.quizTitle() == null ? "quiz" : report.quizTitle();
        String safe = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", " ").replaceAll("\\s+", " ").trim();
        if (safe.length() > 80) {
            safe = safe.substring(0, 80).trim();
        }
        String date = report.createdAt() == null ? ""
                : " " + report.createdAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        return (safe.isEmpty() ? "quiz" : safe) + date + " " + report.pin() + suffix;
    }
}
