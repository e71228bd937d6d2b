package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.quizroom.report.PlayedLesson;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The teacher's after-lesson report in headless Chromium, for a lesson played over STOMP
 * ({@link PlayedLesson}): every part is drawn with its chart and the chart's text equivalent, the
 * three downloads arrive and read back (CSV with Commons CSV, the workbook with POI), printing gives
 * one page per part, and "Practise what we missed" opens a game that is played and then compared
 * with the first one. Screenshots: target/screenshots/report-*.
 */
@LiveServerTest
@TestPropertySource(properties = "quizroom.quizzes-dir=" + PlayedLesson.QUIZZES_DIR)
class ReportInBrowserIT {

    static final Dimension LAPTOP = new Dimension(1366, 900);
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private BrowserFleet fleet;

    @BeforeAll
    static void clearOldScreenshots() {
        Browsers.deleteScreenshots("report-");
    }

    @AfterEach
    void quitBrowsers() {
        if (fleet != null) {
            fleet.quitAll();
        }
    }

    @Test
    void theTeacherReadsTheReportDownloadsItPrintsItAndPractisesWhatWasMissed() throws Exception {
        fleet = new BrowserFleet(port);
        // One after the other: on a busy 2-core machine a starting Chromium can starve the server's first requests.
        PlayedLesson lesson = PlayedLesson.play(port);
        Screen teacher = fleet.browser("teacher", LAPTOP, "report-");
        Path downloads = Files.createTempDirectory(Path.of("target"), "downloads-").toAbsolutePath();
        ((ChromeDriver) teacher.driver).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        // The host key is where the host screen left it: in this browser's storage, never in the address.
        teacher.open("/");
        teacher.js("localStorage.setItem(arguments[0], arguments[1])", "quizroom.host." + lesson.pin, lesson.hostToken);
        teacher.open("/report?pin=" + lesson.pin).awaitPhase("report");
        assertThat(teacher.driver.getCurrentUrl()).doesNotContain(lesson.hostToken);
        assertThat(teacher.text("report-title")).isEqualTo("Cold War check-up");

        // ---------------------------------------------------------------- the class
        assertThat(figure(teacher, "#part-summary", "players")).isEqualTo("4 (+1 removed)");
        assertThat(figure(teacher, "#part-summary", "questions")).isEqualTo("6 of 6");
        assertThat(figure(teacher, "#part-summary", "accuracy")).isEqualTo("58%");
        assertThat(chartData(teacher, "histogram-chart")).containsExactly(0L, 0L, 3L, 0L, 1L);
        assertThat(teacher.text("histogram-text")).contains("2,000–2,999 points: 3", "4,000–4,999 points: 1");
        assertThat(teacher.texts("#histogram-table tr")).contains("2,000–2,999\t3");
        teacher.js("document.getElementById('part-summary').scrollIntoView()");
        teacher.shot("class");

        // ---------------------------------------------------------------- sections
        assertThat(chartData(teacher, "sections-chart")).containsExactly(45L, 75L, 0L);
        assertThat(chartLabels(teacher, "sections-chart")).containsExactly("Dates", "Alliances", "Crises");
        assertThat(teacher.text("sections-text")).contains("Dates: 45% of 11 answers");
        List<String> sections = teacher.texts("#sections > li");
        assertThat(sections.get(0)).contains("45%", "11 answers to 3 questions", "reteach these", "Q1 25%");
        assertThat(sections.get(2)).contains("not answered", "Q6 not answered");
        teacher.js("document.getElementById('part-sections').scrollIntoView()");
        teacher.shot("sections");

        // ---------------------------------------------------------------- questions
        assertThat(teacher.all("#questions article")).hasSize(6);
        String q1 = teacher.text("question-1");
        assertThat(q1).contains("Check this question", "3 of 4 gave the same wrong answer", "25%", "1961 (3)");
        assertThat(chartLabels(teacher, "question-chart-0")).containsExactly("1961", "✓ 1989");
        assertThat(chartData(teacher, "question-chart-0")).containsExactly(3L, 1L);
        assertThat(teacher.texts("#question-1 table.distribution tbody tr")).containsExactly("1961\t3", "✓ 1989\t1");
        assertThat(String.valueOf(teacher.js("return document.getElementById('question-chart-0').getAttribute('aria-label')")))
                .contains("1961: 3", "✓ 1989: 1");
        assertThat(teacher.text("question-2")).contains("No answer\n1");
        assertThat(teacher.texts("#question-3 table.distribution tbody tr")).containsExactly("✓ détente\t2", "thaw\t2");
        teacher.js("document.getElementById('part-questions').scrollIntoView()");
        teacher.shot("questions");
        teacher.js("document.getElementById('question-3').scrollIntoView()");
        teacher.shot("questions-typed");

        // ---------------------------------------------------------------- students
        List<WebElement> rows = teacher.all("#players > tr[data-player]");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(4).getText()).contains("Eve", "removed by the teacher");
        assertThat(rows.get(0).getText()).contains("Ada", "4,000");
        assertThat(teacher.all("#players tr[data-player='" + PlayedLesson.FORMULA_NICK + "']")).hasSize(1);
        WebElement ada = rows.get(0).findElement(By.cssSelector("button"));
        assertThat(ada.getAttribute("aria-expanded")).isEqualTo("false");
        ada.click();
        assertThat(ada.getAttribute("aria-expanded")).isEqualTo("true");
        List<String> answers = teacher.texts("#players tr.answers-row:not([hidden]) tbody tr");
        assertThat(answers).hasSize(6);
        assertThat(answers.get(0)).contains("1989", "✓ right");
        assertThat(answers.get(5)).contains("no answer");
        teacher.assertControlsHaveAccessibleNames("report");
        teacher.assertNoInjectedScript();
        teacher.js("document.getElementById('part-students').scrollIntoView()");
        teacher.shot("students");

        // ---------------------------------------------------------------- downloads
        teacher.click("download-answers");
        List<CSVRecord> csv = csv(awaitFile(downloads, " answers.csv"));
        assertThat(csv).hasSize(5 * 6);
        assertThat(csv.stream().map(r -> r.get("nickname"))).contains("a;'=2+5;b");
        teacher.click("download-summary");
        List<CSVRecord> summary = csv(awaitFile(downloads, " students.csv"));
        assertThat(summary.stream().filter(r -> r.get("nickname").equals("Ada")).findFirst().orElseThrow().get("score"))
                .isEqualTo("4000");
        teacher.click("download-workbook");
        Path workbook = awaitFile(downloads, ".xlsx");
        assertThat(workbook.getFileName().toString()).startsWith("Cold War check-up 20");
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getNumberOfSheets()).isEqualTo(5);
            Sheet students = book.getSheet("Students");
            assertThat(students.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Ada");
            assertThat(students.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(students.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(4000);
        }

        // ---------------------------------------------------------------- print: one page per part
        String pdf = String.valueOf(((ChromeDriver) teacher.driver).executeCdpCommand("Page.printToPDF",
                Map.of("printBackground", true)).get("data"));
        Path pdfFile = Browsers.SCREENSHOTS.resolve("report-print.pdf");
        Files.write(pdfFile, Base64.getDecoder().decode(pdf));
        assertThat(pages(Files.readAllBytes(pdfFile))).as("pages when printed").isGreaterThanOrEqualTo(4);

        // ---------------------------------------------------------------- practise what we missed
        teacher.js("document.getElementById('practice-form').scrollIntoView()");
        teacher.type("practice-threshold", "60");
        teacher.click("practice");
        teacher.awaitPhase("lobby");
        String practicePin = teacher.awaitText("pin", t -> t.matches("\\d{6}"), "a PIN");
        assertThat(practicePin).isNotEqualTo(lesson.pin);
        teacher.shot("practice-lobby");
        Api api = new Api(port);
        JsonNode cyJoined = api.join(practicePin, "Cy");
        try (StompTestClient cy = StompTestClient.player(port, practicePin, cyJoined.get("playerToken").asText())) {
            cy.await("STATE", WAIT);
            teacher.awaitRoster("Cy");
            teacher.click("start");
            JsonNode q = cy.await("QUESTION", WAIT);
            assertThat(q.get("text").asText()).isEqualTo("In which year did the Berlin Wall fall?");
            cy.answer(0, "1989");
            teacher.awaitPhase("reveal");
            teacher.click("next");
            teacher.awaitPhase("leaderboard");
            teacher.click("next");
            q = cy.await("QUESTION", WAIT);
            List<String> choices = new ArrayList<>();
            q.get("choices").forEach(c -> choices.add(c.asText()));
            cy.answer(1, String.valueOf(choices.indexOf("Berlin")));
            teacher.awaitPhase("reveal");
            teacher.click("next");
            teacher.awaitPhase("leaderboard");
            teacher.click("next");
            cy.await("QUESTION", WAIT);
            cy.answer(2, "\"detente\"");
            teacher.awaitPhase("reveal");
            teacher.click("next"); // after the last question: the podium
            cy.await("FINAL", WAIT);
        }
        teacher.awaitPhase("finished");
        // The podium rises over the buttons for a moment (motion on the projector): click once it has.
        teacher.await(d -> {
            try {
                d.findElement(org.openqa.selenium.By.id("report-link")).click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException stillRising) {
                return false;
            }
        }, "the report link, once the podium has risen");
        teacher.awaitPhase("report");
        assertThat(teacher.text("report-title")).isEqualTo("Practice: Cold War check-up");
        assertThat(teacher.text("practice-links")).contains("practice of game " + lesson.pin);
        teacher.await(d -> !teacher.text("compare-sections").isEmpty(), "the comparison drawn");
        assertThat(teacher.texts("#compare-sections tbody tr").get(0))
                .contains("Dates", "45% (11)", "100% (3)");
        assertThat(teacher.texts("#compare-questions tbody tr").get(0)).contains("In which year did the Berlin Wall fall?", "25%", "100%");
        assertThat(chartData(teacher, "compare-chart")).as("first game's bars").containsExactly(45L, 75L, null);
        assertThat(teacher.text("compare-text")).contains("Game " + lesson.pin + " 45%", "Practice " + practicePin + " 100%");
        teacher.js("document.getElementById('part-compare').scrollIntoView()");
        teacher.shot("practice-compared");

        // From the dashboard: every finished game of the quiz side by side.
        teacher.open("/");
        teacher.await(d -> !d.findElements(By.cssSelector("li.quiz[data-quiz-id='cold-war-check'] .compare-link"))
                .isEmpty(), "compare link on the quiz card");
        teacher.driver.findElement(By.cssSelector("li.quiz[data-quiz-id='cold-war-check'] .compare-link")).click();
        teacher.awaitPhase("report");
        teacher.await(d -> teacher.texts("#compare-games tbody tr").size() == 2, "two games compared");
        assertThat(teacher.text("report-title")).isEqualTo("Cold War check-up: games compared");
        teacher.assertNoInjectedScript();
        teacher.shot("compare-from-dashboard");

        // The fresh tester's teacher on a new browser (no host keys stored), on the computer running
        // Quizroom: the dashboard's Report link opens the past game's report.
        teacher.js("localStorage.clear(); sessionStorage.clear()");
        teacher.open("/");
        By reportLink = By.cssSelector("a[href='/report?pin=" + lesson.pin + "']");
        teacher.await(d -> !d.findElements(reportLink).isEmpty(), "the past game's Report link on the dashboard");
        teacher.driver.findElement(reportLink).click();
        teacher.awaitPhase("report");
        assertThat(teacher.text("report-title")).isEqualTo("Cold War check-up");
        assertThat(figure(teacher, "#part-summary", "players")).isEqualTo("4 (+1 removed)");
        teacher.shot("new-browser");
    }

    // ------------------------------------------------------------------ helpers

    private static String figure(Screen screen, String part, String name) {
        return screen.texts(part + " [data-figure='" + name + "']").get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> chartData(Screen screen, String canvasId) {
        return ((List<Object>) screen.js("return Chart.getChart(arguments[0]).data.datasets[0].data", canvasId))
                .stream().map(v -> v == null ? null : ((Number) v).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> chartLabels(Screen screen, String canvasId) {
        return (List<String>) screen.js("return Chart.getChart(arguments[0]).data.labels", canvasId);
    }

    private static Path awaitFile(Path folder, String suffix) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            try (Stream<Path> files = Files.list(folder)) {
                var found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no download ending in '" + suffix + "' in " + folder);
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"pin\"");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    /** Pages in a PDF: its page objects ("/Type /Page", not "/Pages"). */
    private static int pages(byte[] pdf) {
        Matcher m = Pattern.compile("/Type\\s*/Page(?![s])").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
