package org.quizroom.authoring.interchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the Kahoot! spreadsheet template (as .xlsx with Apache POI, or the same columns as CSV
 * with Commons CSV): question, answers 1–4, time limit in seconds, correct answer number(s) such
 * as "1,3". The header row is found by its titles wherever it is (the template has a few rows of
 * instructions above it); without one, the columns are taken in that order.
 *
 * <p>An .xlsx is a zip: it is opened with POI's zip-bomb limits and its formulas are never
 * evaluated (the cached value is read).
 */
public final class SheetReader {

    /** Rows read at most: far above any real quiz, low enough that a huge sheet cannot hold a thread. */
    static final int MAX_ROWS = 1000;

    static {
        // A zip entry may inflate at most 100× (POI's default) and to at most 20 MB; text at most 5 M chars.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(20L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(5_000_000);
    }

    private SheetReader() {
    }

    /** Reads a .xlsx workbook's first sheet. */
    public static ImportResult readXlsx(String fileName, byte[] bytes) {
        List<List<String>> rows = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            var formatter = new DataFormatter(Locale.ROOT);
            int last = Math.min(sheet.getLastRowNum(), MAX_ROWS + 20);
            for (int r = 0; r <= last; r++) {
                Row row = sheet.getRow(r);
                var cells = new ArrayList<String>();
                if (row != null) {
                    for (int c = 0; c < Math.min(row.getLastCellNum(), 30); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
                    }
                }
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFile(fileName + " is not a readable .xlsx workbook: " + firstLine(e.getMessage()));
        }
        return convert("xlsx", fileName, rows);
    }

    /** Reads the same columns from CSV (comma or semicolon separated, UTF-8 or Windows-1252). */
    public static ImportResult readCsv(String fileName, byte[] bytes) {
        String text = TextFiles.decode(bytes);
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(ch -> ch == ';').count() > firstLine.chars().filter(ch -> ch == ',').count()
                ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                var cells = new ArrayList<String>();
                // Undo the quote an export puts before a cell that would otherwise run as a formula.
                record.forEach(v -> cells.add(v.strip().matches("^'[=+\\-@].*") ? v.strip().substring(1) : v.strip()));
                rows.add(cells);
                if (rows.size() > MAX_ROWS + 20) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFile(fileName + " is not readable CSV: " + firstLine(e.getMessage()));
        }
        return convert("csv", fileName, rows);
    }

    /** The file is not a spreadsheet at all (as opposed to rows that do not convert, which are listed). */
    public static final class UnreadableFile extends RuntimeException {
        public UnreadableFile(String message) {
            super(message);
        }
    }

    private record Columns(int question, int[] answers, int time, int correct) {
        static final Columns DEFAULT = new Columns(0, new int[] {1, 2, 3, 4}, 5, 6);
    }

    private static ImportResult convert(String format, String fileName, List<List<String>> rows) {
        var out = new ImportResult.Builder(format, fileName, "row");
        String section = ImportResult.titleFrom(fileName);
        int headerRow = -1;
        Columns columns = Columns.DEFAULT;
        for (int r = 0; r < Math.min(rows.size(), 20); r++) {
            Columns found = header(rows.get(r));
            if (found != null) {
                headerRow = r;
                columns = found;
                break;
            }
        }
        int converted = 0;
        for (int r = headerRow + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int rowNo = r + 1;
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (converted >= MAX_ROWS) {
                out.skipped(rowNo, "only the first " + MAX_ROWS + " questions are read", cell(row, columns.question));
                break;
            }
            String text = cell(row, columns.question);
            if (text.isBlank()) {
                out.skipped(rowNo, "the question cell is empty", String.join(" | ", row));
                continue;
            }
            var answers = new ArrayList<String>();
            var positions = new ArrayList<Integer>();
            for (int k = 0; k < 4; k++) {
                String a = cell(row, columns.answers[k]);
                if (!a.isBlank()) {
                    answers.add(a);
                    positions.add(k + 1);
                }
            }
            if (answers.size() < 2) {
                out.skipped(rowNo, "needs at least two answers", text);
                continue;
            }
            String correctCell = cell(row, columns.correct);
            var right = new ArrayList<String>();
            boolean bad = false;
            for (String part : correctCell.split("[,;\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                String digits = part.replaceFirst("\\.0+$", "");
                int number = digits.matches("[1-4]") ? Integer.parseInt(digits) : -1;
                int index = positions.indexOf(number);
                if (index < 0) {
                    out.skipped(rowNo, "correct answer '" + part + "' is not the number (1–4) of a filled-in answer", text);
                    bad = true;
                    break;
                }
                if (!right.contains(answers.get(index))) {
                    right.add(answers.get(index));
                }
            }
            if (bad) {
                continue;
            }
            var q = new LinkedHashMap<String, Object>();
            if (right.isEmpty()) {
                q.put("type", "poll");
                q.put("text", text);
                q.put("choices", answers);
                out.changed(rowNo, "no correct answer given, so it became a poll (no points)", text);
            } else if (right.size() == 1 && answers.size() == 2 && isTrueFalse(answers)) {
                q.put("type", "truefalse");
                q.put("text", text);
                q.put("answer", right.get(0).equalsIgnoreCase("true"));
            } else if (right.size() == 1) {
                q.put("type", "single");
                q.put("text", text);
                q.put("choices", answers);
                q.put("answer", right.get(0));
            } else {
                q.put("type", "multi");
                q.put("text", text);
                q.put("choices", answers);
                q.put("answers", right);
            }
            String time = cell(row, columns.time).replaceFirst("\\.0+$", "");
            if (!time.isBlank()) {
                if (time.matches("[0-9]{1,4}") && Integer.parseInt(time) >= 5 && Integer.parseInt(time) <= 240) {
                    q.put("time", Integer.parseInt(time));
                } else {
                    out.changed(rowNo, "time limit '" + time + "' is not 5 to 240 seconds; the default 20 s is used", text);
                }
            }
            q.put("section", section);
            if (!right.isEmpty()) {
                q.put("explanation", ImportResult.answerExplanation(String.join(", ", right)));
            }
            out.question(rowNo, q);
            converted++;
        }
        return out.build(section);
    }

    private static boolean isTrueFalse(List<String> answers) {
        var lower = answers.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        return lower.contains("true") && lower.contains("false");
    }

    /** Finds the template's header row: a "Question…" cell and "Answer 1…" to "Answer 4…". */
    private static Columns header(List<String> row) {
        int question = -1;
        int time = -1;
        int correct = -1;
        int[] answers = {-1, -1, -1, -1};
        for (int c = 0; c < row.size(); c++) {
            String h = row.get(c).toLowerCase(Locale.ROOT).strip();
            if (h.startsWith("question") && question < 0) {
                question = c;
            } else if (h.matches("^answer\\s*[1-4].*")) {
                answers[h.replaceAll("^answer\\s*", "").charAt(0) - '1'] = c;
            } else if (h.startsWith("time")) {
                time = c;
            } else if (h.startsWith("correct")) {
                correct = c;
            }
        }
        if (question < 0 || answers[0] < 0 || answers[1] < 0) {
            return null;
        }
        return new Columns(question, answers, time, correct);
    }

    private static String cell(List<String> row, int index) {
        return index >= 0 && index < row.size() && row.get(index) != null ? row.get(index).strip() : "";
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }

    /** The template's column titles, used when writing. */
    static final List<String> HEADER = List.of("Question - max 120 characters", "Answer 1 - max 75 characters",
            "Answer 2 - max 75 characters", "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
            "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one");

}
