package org.quizroom.authoring.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;
import org.quizroom.quiz.Quiz;

/** The Kahoot! spreadsheet template as .xlsx and as CSV, in and out. */
class SheetInterchangeTest {

    @Test
    void csvRowsBecomeQuestionsAndBadRowsAreListedByRow() {
        ImportResult result = SheetReader.readCsv("maths-kahoot.csv", Fixtures.bytes("maths-kahoot.csv"));
        List<Question> q = Fixtures.load(result.quiz()).questions();
        assertThat(q).extracting(Question::type).containsExactly(QuestionType.SINGLE, QuestionType.MULTI,
                QuestionType.TRUEFALSE, QuestionType.POLL, QuestionType.SINGLE);
        assertThat(q.get(0).text()).isEqualTo("What is 7 × 8?");
        assertThat(q.get(0).choices()).containsExactly("54", "56", "58", "64");
        assertThat(q.get(0).correctChoices()).containsExactly(1);
        assertThat(q.get(0).timeSeconds()).isEqualTo(20);
        assertThat(q.get(1).correctChoices()).as("\"1,3\"").containsExactlyInAnyOrder(0, 2);
        assertThat(q.get(1).timeSeconds()).isEqualTo(30);
        assertThat(q.get(2).text()).isEqualTo("Is 0,5 the same as 1/2?");
        assertThat(q.get(2).correctChoices()).as("True").containsExactly(0);
        assertThat(q.get(4).timeSeconds()).as("999 s refused, default used").isEqualTo(20);
        assertThat(result.issues()).extracting(ImportResult.Issue::line, ImportResult.Issue::kind).containsExactly(
                tuple(5, "skipped"), tuple(6, "changed"), tuple(7, "skipped"), tuple(8, "changed"));
        assertThat(result.issues().get(0).message()).contains("correct answer '4'");
        assertThat(result.issues().get(2).message()).contains("question cell is empty");
        assertThat(result.issues().get(3).message()).contains("'999'");
    }

    @Test
    void theKahootTemplateWithInstructionRowsAboveTheHeaderIsRead() throws IOException {
        byte[] xlsx = kahootTemplate();
        ImportResult result = SheetReader.readXlsx("fractions.xlsx", xlsx);
        List<Question> q = Fixtures.load(result.quiz()).questions();
        assertThat(q).extracting(Question::text).containsExactly("What is 1/2 + 1/4?", "Which equal one half?");
        assertThat(q.get(0).choices()).containsExactly("3/4", "2/6", "1/8", "2/4");
        assertThat(q.get(0).correctChoices()).containsExactly(0);
        assertThat(q.get(0).timeSeconds()).isEqualTo(30);
        assertThat(q.get(1).type()).isEqualTo(QuestionType.MULTI);
        assertThat(q.get(1).correctChoices()).containsExactlyInAnyOrder(0, 2);
        assertThat(result.issues()).extracting(ImportResult.Issue::line).containsExactly(11);
        assertThat(result.issues().get(0).message()).contains("at least two answers");
    }

    @Test
    void aZipBombIsRefusedWithoutBeingInflated() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                zip.write(spaces);
            }
        }
        assertThat(bytes.size()).as("50 MB of spaces zip to very little").isLessThan(200_000);
        assertThatThrownBy(() -> SheetReader.readXlsx("bomb.xlsx", bytes.toByteArray()))
                .isInstanceOf(SheetReader.UnreadableFile.class)
                .hasMessageStartingWith("bomb.xlsx is not a readable .xlsx workbook");
    }

    @Test
    void exportWritesTheTemplateColumnsAndListsWhatDoesNotFit() throws IOException {
        Quiz quiz = Fixtures.load(GiftReader.read("y9.gift", Fixtures.bytes("year9-science-revision.gift")).quiz());
        ExportResult xlsx = SheetWriter.xlsx(quiz);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Question");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("At sea level");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("1");
            assertThat(workbook.getSheet("Not exported").getRow(0).getCell(0).getStringCellValue())
                    .startsWith("question 5 (type)");
        }
        // type and number questions have no place in the sheet: 1 typed + 3 numbers.
        assertThat(xlsx.notExported()).hasSize(4);

        // Back in: every exported question is the same question again.
        List<Question> back = Fixtures.load(SheetReader.readXlsx("y9.xlsx", xlsx.bytes()).quiz()).questions();
        List<Question> fitting = quiz.questions().stream().filter(x -> x.type() != QuestionType.TYPE
                && x.type() != QuestionType.NUMBER).toList();
        assertThat(back).extracting(Question::text).containsExactlyElementsOf(fitting.stream().map(Question::text).toList());
        assertThat(back).extracting(Question::correctChoices)
                .containsExactlyElementsOf(fitting.stream().map(Question::correctChoices).toList());

        ExportResult csv = SheetWriter.csv(quiz);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("Question - max 120 characters,Answer 1");
        List<Question> fromCsv = Fixtures.load(SheetReader.readCsv("y9.csv", csv.bytes()).quiz()).questions();
        assertThat(fromCsv).extracting(Question::choices).containsExactlyElementsOf(fitting.stream().map(Question::choices).toList());
    }

    private static byte[] kahootTemplate() throws IOException {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Sheet1");
            sheet.createRow(0).createCell(1).setCellValue("Quiz template");
            sheet.createRow(1).createCell(1).setCellValue("Add questions, at least two answer alternatives, time limit and choose correct answers (at least one).");
            Row header = sheet.createRow(7);
            String[] titles = {"", "Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
                "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
                "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            Row r1 = sheet.createRow(8);
            r1.createCell(0).setCellValue(1);
            r1.createCell(1).setCellValue("What is 1/2 + 1/4?");
            r1.createCell(2).setCellValue("3/4");
            r1.createCell(3).setCellValue("2/6");
            r1.createCell(4).setCellValue("1/8");
            r1.createCell(5).setCellValue("2/4");
            r1.createCell(6).setCellValue(30);
            r1.createCell(7).setCellValue(1);
            Row r2 = sheet.createRow(9);
            r2.createCell(0).setCellValue(2);
            r2.createCell(1).setCellValue("Which equal one half?");
            r2.createCell(2).setCellValue("2/4");
            r2.createCell(3).setCellValue("1/3");
            r2.createCell(4).setCellValue("3/6");
            r2.createCell(6).setCellValue(20);
            r2.createCell(7).setCellValue("1,3");
            Row r3 = sheet.createRow(10);
            r3.createCell(0).setCellValue(3);
            r3.createCell(1).setCellValue("Only one answer here");
            r3.createCell(2).setCellValue("yes");
            r3.createCell(7).setCellValue(1);
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
