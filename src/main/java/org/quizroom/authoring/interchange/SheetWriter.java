package org.quizroom.authoring.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;
import org.quizroom.quiz.Quiz;

/**
 * Writes a quiz in the Kahoot! spreadsheet layout (.xlsx or CSV): one row per question with up
 * to four answers. Single, multi, true/false and poll questions with at most four choices fit;
 * the others are listed (and, in the workbook, on a second sheet "Not exported").
 */
public final class SheetWriter {

    private SheetWriter() {
    }

    public static ExportResult xlsx(Quiz quiz) {
        List<String> skipped = new ArrayList<>();
        List<List<String>> rows = rows(quiz, skipped);
        try (var workbook = new XSSFWorkbook(); var bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Quiz");
            write(sheet.createRow(0), SheetReader.HEADER);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i));
            }
            sheet.setColumnWidth(0, 60 * 256);
            if (!skipped.isEmpty()) {
                Sheet notes = workbook.createSheet("Not exported");
                for (int i = 0; i < skipped.size(); i++) {
                    notes.createRow(i).createCell(0).setCellValue(skipped.get(i));
                }
            }
            workbook.write(bytes);
            return new ExportResult(bytes.toByteArray(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", List.copyOf(skipped));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ExportResult csv(Quiz quiz) {
        List<String> skipped = new ArrayList<>();
        List<List<String>> rows = rows(quiz, skipped);
        var bytes = new ByteArrayOutputStream();
        try (var printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            printer.printRecord(SheetReader.HEADER);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(SheetWriter::defuse).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportResult(bytes.toByteArray(), "text/csv;charset=UTF-8", "csv", List.copyOf(skipped));
    }

    private static List<List<String>> rows(Quiz quiz, List<String> skipped) {
        var rows = new ArrayList<List<String>>();
        int n = 0;
        for (Question q : quiz.questions()) {
            n++;
            boolean fits = switch (q.type()) {
                case SINGLE, MULTI, TRUEFALSE, POLL -> q.choices().size() <= 4;
                default -> false;
            };
            if (!fits) {
                skipped.add("question " + n + " (" + q.type().wireName() + "): "
                        + (q.type().hasChoices() && q.type() != QuestionType.ORDER
                        ? "more than four choices" : "the spreadsheet has only answer choices") + ": " + q.text());
                continue;
            }
            var row = new ArrayList<String>();
            row.add(q.text());
            for (int i = 0; i < 4; i++) {
                row.add(i < q.choices().size() ? q.choices().get(i) : "");
            }
            row.add(String.valueOf(q.timeSeconds()));
            row.add(String.join(",", q.type() == QuestionType.POLL ? List.of()
                    : q.correctChoices().stream().sorted().map(i -> String.valueOf(i + 1)).toList()));
            rows.add(row);
        }
        return rows;
    }

    private static void write(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
    }

    /** A cell starting with = + - @ would run as a formula when the CSV is opened in a spreadsheet. */
    private static String defuse(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+") ? "'" + value : value;
    }
}
