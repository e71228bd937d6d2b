package org.quizroom.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The report as an Excel workbook (Apache POI): sheets Summary, Sections, Questions, Students and
 * Answers; numbers as numeric cells, yes/no as booleans, the game date as a date cell; every table
 * with a frozen header row and an autofilter. Text is always a string cell, never a formula, so a
 * nickname starting with "=" is shown as typed and nothing needs defusing here.
 *
 * <p>Streams rows (SXSSF, 200 in memory) so a 2,500-student hall's 90,000 answer rows stay small.
 */
public final class WorkbookExport {

    private WorkbookExport() {
    }

    /** Writes the workbook to {@code out} (not closed). */
    public static void write(Report report, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(book);
            summary(book, styles, report);
            sections(book, styles, report);
            questions(book, styles, report);
            students(book, styles, report);
            answers(book, styles, report);
            book.write(out);
        }
    }

    private record Styles(CellStyle header, CellStyle date) {
        Styles(SXSSFWorkbook book) {
            this(book.createCellStyle(), book.createCellStyle());
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        }
    }

    private static void summary(SXSSFWorkbook book, Styles st, Report r) {
        Sheet sheet = table(book, st, "Summary", List.of("Figure", "Value"), new int[] {28, 40});
        Report.Summary s = r.summary();
        int row = 1;
        row = pair(sheet, row, "Quiz", r.quizTitle());
        row = pair(sheet, row, "PIN", r.pin());
        Row dateRow = sheet.createRow(row++);
        dateRow.createCell(0).setCellValue("Played");
        if (r.createdAt() != null) {
            Cell c = dateRow.createCell(1);
            c.setCellValue(Date.from(r.createdAt()));
            c.setCellStyle(st.date());
        }
        row = pair(sheet, row, "Players", s.players());
        row = pair(sheet, row, "Removed by the teacher", s.removedPlayers());
        row = pair(sheet, row, "Questions asked", s.questionsAsked());
        row = pair(sheet, row, "Average score", s.averageScore());
        row = pair(sheet, row, "Accuracy (%)", s.accuracyPercent());
        row = pair(sheet, row, "Median answer time (s)", s.medianAnswerMs() == null ? null : s.medianAnswerMs() / 1000.0);
        filter(sheet, row - 1, 1);
    }

    private static void sections(SXSSFWorkbook book, Styles st, Report r) {
        Sheet sheet = table(book, st, "Sections", List.of("Section", "Mastery (%)", "Answers", "Correct",
                "Questions", "Reteach (question numbers, weakest first)"), new int[] {44, 12, 10, 10, 10, 40});
        int row = 1;
        for (Report.SectionRow s : r.sections()) {
            Row x = sheet.createRow(row++);
            text(x, 0, s.section());
            num(x, 1, s.masteryPercent());
            num(x, 2, s.answers());
            num(x, 3, s.correct());
            num(x, 4, s.questions());
            text(x, 5, String.join(", ", s.questionIndexes().stream().map(i -> String.valueOf(i + 1)).toList()));
        }
        filter(sheet, row - 1, 5);
    }

    private static void questions(SXSSFWorkbook book, Styles st, Report r) {
        Sheet sheet = table(book, st, "Questions", List.of("#", "Question", "Type", "Section", "Right answer",
                "Accuracy (%)", "Answered", "Correct", "Not answered", "Median time (s)", "Most common wrong answer",
                "Given by", "Warning"), new int[] {6, 60, 10, 36, 30, 12, 10, 10, 12, 14, 30, 10, 50});
        int row = 1;
        for (Report.QuestionRow q : r.questions()) {
            Row x = sheet.createRow(row++);
            num(x, 0, q.index() + 1);
            text(x, 1, q.text());
            text(x, 2, q.questionType());
            text(x, 3, q.section());
            text(x, 4, q.correctAnswer());
            num(x, 5, q.accuracyPercent());
            num(x, 6, q.answered());
            num(x, 7, q.correctCount());
            num(x, 8, q.notAnswered());
            num(x, 9, q.medianMs() == null ? null : q.medianMs() / 1000.0);
            text(x, 10, q.commonWrongAnswer());
            num(x, 11, q.commonWrongAnswer() == null ? null : q.commonWrongCount());
            text(x, 12, String.join(" ", q.warnings()));
        }
        filter(sheet, row - 1, 12);
    }

    private static void students(SXSSFWorkbook book, Styles st, Report r) {
        Sheet sheet = table(book, st, "Students", List.of("Rank", "Nickname", "Removed", "Score", "Correct",
                "Answered", "Weakest section", "Network allowance (s)"), new int[] {8, 30, 10, 10, 10, 10, 44, 14});
        int row = 1;
        for (Report.PlayerRow p : r.players()) {
            Row x = sheet.createRow(row++);
            num(x, 0, p.rank());
            text(x, 1, p.nickname());
            x.createCell(2).setCellValue(p.kicked());
            num(x, 3, p.score());
            num(x, 4, p.correctCount());
            num(x, 5, p.answeredCount());
            text(x, 6, p.weakestSection());
            num(x, 7, p.networkAllowanceMs() == null ? null : p.networkAllowanceMs() / 1000.0);
        }
        filter(sheet, row - 1, 7);
    }

    private static void answers(SXSSFWorkbook book, Styles st, Report r) {
        Sheet sheet = table(book, st, "Answers", List.of("Nickname", "Removed", "#", "Section", "Question", "Answer",
                "Correct", "Points", "Time (s)", "Raw time (s)", "Network allowance (s)"),
                new int[] {30, 10, 6, 36, 60, 30, 10, 10, 10, 12, 14});
        int row = 1;
        for (Report.PlayerRow p : r.players()) {
            for (Report.PlayerAnswer a : p.answers()) {
                Report.QuestionRow q = r.questions().get(a.question());
                Row x = sheet.createRow(row++);
                text(x, 0, p.nickname());
                x.createCell(1).setCellValue(p.kicked());
                num(x, 2, a.question() + 1);
                text(x, 3, q.section());
                text(x, 4, q.text());
                text(x, 5, a.answer());
                if (a.correct() != null) {
                    x.createCell(6).setCellValue(a.correct());
                }
                num(x, 7, a.points());
                num(x, 8, a.responseMs() == null ? null : a.responseMs() / 1000.0);
                num(x, 9, a.rawMs() == null ? null : a.rawMs() / 1000.0);
                num(x, 10, a.networkAllowanceMs() == null ? null : a.networkAllowanceMs() / 1000.0);
            }
        }
        filter(sheet, row - 1, 10);
    }

    // ------------------------------------------------------------------ cells

    private static Sheet table(SXSSFWorkbook book, Styles st, String name, List<String> headers, int[] widths) {
        SXSSFSheet sheet = book.createSheet(name);
        Row head = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = head.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(st.header());
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void filter(Sheet sheet, int lastRow, int lastColumn) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 0), 0, lastColumn));
    }

    private static int pair(Sheet sheet, int row, String label, Object value) {
        Row x = sheet.createRow(row);
        x.createCell(0).setCellValue(label);
        if (value instanceof Number n) {
            x.createCell(1).setCellValue(n.doubleValue());
        } else if (value != null) {
            x.createCell(1).setCellValue(value.toString());
        }
        return row + 1;
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void num(Row row, int column, Number value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }
}
