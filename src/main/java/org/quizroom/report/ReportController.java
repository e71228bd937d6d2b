package org.quizroom.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quizroom.live.GameHub;
import org.quizroom.live.UnknownGameException;
import org.quizroom.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The after-class report as JSON and CSV; only the game's host (or the teacher login) may read it. */
@RestController
public class ReportController {

    private final ReportService reports;
    private final GameHub hub;

    public ReportController(ReportService reports, GameHub hub) {
        this.reports = reports;
        this.hub = hub;
    }

    @GetMapping("/api/games/{pin}/report")
    public Report report(@PathVariable String pin,
                         @RequestHeader(value = "X-Host-Token", required = false) String header,
                         @RequestParam(value = "hostToken", required = false) String param,
                         jakarta.servlet.http.HttpServletRequest request) {
        authorise(pin, header != null ? header : param, request);
        return reports.report(pin).orElseThrow(() -> new UnknownGameException(pin));
    }

    @GetMapping("/api/games/{pin}/report.csv")
    public void csv(@PathVariable String pin,
                    @RequestHeader(value = "X-Host-Token", required = false) String header,
                    @RequestParam(value = "hostToken", required = false) String param,
                    jakarta.servlet.http.HttpServletRequest request,
                    HttpServletResponse response) throws IOException {
        authorise(pin, header != null ? header : param, request);
        if (!reports.exists(pin)) {
            throw new UnknownGameException(pin);
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"quizroom-" + pin + ".csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("pin", "nickname", "question", "section",
                "question_text", "type", "answer", "correct", "points", "response_ms").get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (ReportService.AnswerLine line : reports.lines(pin)) {
                var a = line.answer();
                csv.printRecord(pin, safe(line.player().nickname()), line.questionIndex() + 1,
                        safe(line.question().section()), safe(line.question().text()), line.question().type().wireName(),
                        a == null ? "" : safe(a.answerText()), a == null ? "" : a.correct(), a == null ? 0 : a.points(),
                        a == null ? "" : a.responseMs());
            }
        }
    }

    /** Spreadsheet apps run cells starting with = + - @ as formulas; a leading quote keeps them text. */
    static String safe(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private void authorise(String pin, String token, jakarta.servlet.http.HttpServletRequest request) {
        boolean teacher = Boolean.TRUE.equals(request.getAttribute(org.quizroom.web.TeacherLogin.AUTHENTICATED));
        if (!teacher && !hub.isHostToken(pin, token)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "HOST_ONLY",
                    "Only the teacher who hosted this game can read its report.");
        }
    }
}
