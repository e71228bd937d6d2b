package org.quizroom.report;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.quizroom.live.GameHub;
import org.quizroom.live.UnknownGameException;
import org.quizroom.web.ApiException;
import org.quizroom.web.TeacherComputer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The after-lesson report over HTTP. Only the game's host (header {@code X-Host-Token}) or the teacher
 * may read it: the teacher login when a password is set, else the computer running Quizroom, so a
 * teacher on a new browser there can open a past report while a student's laptop on the LAN cannot
 * ({@link TeacherComputer}). The host token is never accepted in a URL. Downloads take either of those or a
 * short-lived signed link from {@code POST .../report/links}, which is what the report page uses
 * (a plain link cannot send a header).
 */
@RestController
public class ReportController {

    static final String ANSWERS_CSV = "report.csv";
    static final String SUMMARY_CSV = "report-summary.csv";
    static final String WORKBOOK = "report.xlsx";

    private final ReportService reports;
    private final GameHub hub;
    private final DownloadLinks links;
    private final PracticeGames practice;
    private final TeacherComputer teacher;

    public ReportController(ReportService reports, GameHub hub, DownloadLinks links, PracticeGames practice,
                            TeacherComputer teacher) {
        this.reports = reports;
        this.hub = hub;
        this.links = links;
        this.practice = practice;
        this.teacher = teacher;
    }

    @GetMapping("/api/games/{pin}/report")
    public Report report(@PathVariable String pin, @RequestHeader(value = "X-Host-Token", required = false) String token,
                         HttpServletRequest request) {
        authorise(pin, token, request);
        return load(pin);
    }

    /** Signed links for the three downloads, valid for {@link DownloadLinks#LIFETIME}. */
    public record Links(String answersCsv, String summaryCsv, String workbook, Instant expiresAt) {
    }

    @PostMapping("/api/games/{pin}/report/links")
    public Links links(@PathVariable String pin, @RequestHeader(value = "X-Host-Token", required = false) String token,
                       HttpServletRequest request) {
        authorise(pin, token, request);
        if (!reports.exists(pin)) {
            throw new UnknownGameException(pin);
        }
        DownloadLinks.Signed a = links.sign(pin, ANSWERS_CSV);
        DownloadLinks.Signed s = links.sign(pin, SUMMARY_CSV);
        DownloadLinks.Signed w = links.sign(pin, WORKBOOK);
        return new Links(url(pin, ANSWERS_CSV, a), url(pin, SUMMARY_CSV, s), url(pin, WORKBOOK, w),
                Instant.ofEpochSecond(a.expires()));
    }

    /**
     * The three downloads ({@value #ANSWERS_CSV}, {@value #SUMMARY_CSV}, {@value #WORKBOOK}): with a
     * valid signed link, else as {@link #report}. Never cached: they hold students' answers.
     */
    @GetMapping("/api/games/{pin}/{file:report\\.csv|report-summary\\.csv|report\\.xlsx}")
    public void download(@PathVariable String pin, @PathVariable String file,
                         @RequestHeader(value = "X-Host-Token", required = false) String token,
                         @RequestParam(required = false) Long expires, @RequestParam(required = false) String signature,
                         HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!links.valid(pin, file, expires, signature)) {
            authorise(pin, token, request);
        }
        Report report = load(pin);
        switch (file) {
            case ANSWERS_CSV -> stream(response, CSV, CsvExport.fileName(report, " answers.csv"),
                    csv(out -> CsvExport.answers(report, out)));
            case SUMMARY_CSV -> stream(response, CSV, CsvExport.fileName(report, " students.csv"),
                    csv(out -> CsvExport.summary(report, out)));
            default -> stream(response, XLSX, CsvExport.fileName(report, ".xlsx"), out -> WorkbookExport.write(report, out));
        }
    }

    /** Body {@code {"threshold": 60}} (optional): opens a practice game; answers with its PIN and host key. */
    @PostMapping("/api/games/{pin}/practice")
    @ResponseStatus(HttpStatus.CREATED)
    public PracticeGames.Practice practice(@PathVariable String pin,
                                           @RequestHeader(value = "X-Host-Token", required = false) String token,
                                           @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        authorise(pin, token, request);
        int threshold = PracticeGames.DEFAULT_THRESHOLD_PERCENT;
        if (body != null && !body.isNull()) {
            if (!body.isObject()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_JSON", "Send {\"threshold\": 60}.");
            }
            body.fieldNames().forEachRemaining(name -> {
                if (!"threshold".equals(name)) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD",
                            "Unknown field '" + name + "'; expected threshold.");
                }
            });
            JsonNode t = body.get("threshold");
            if (t != null && !t.isNull()) {
                if (!t.isIntegralNumber() || !t.canConvertToInt()) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_THRESHOLD",
                            "The threshold is a whole percentage from 1 to 100.");
                }
                threshold = t.intValue();
            }
        }
        return practice.open(pin, threshold);
    }

    /**
     * Body {@code {"games": [{"pin": "123456", "hostToken": "hst_..."}, ...]}} (tokens may be omitted
     * with the teacher login): those games side by side, in the order given. At most 20 games.
     */
    @PostMapping("/api/reports/compare")
    public Comparison compare(@RequestBody JsonNode body, HttpServletRequest request) {
        JsonNode games = body == null ? null : body.get("games");
        if (games == null || !games.isArray() || games.isEmpty() || games.size() > 20) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                    "Send {\"games\": [{\"pin\": \"...\", \"hostToken\": \"...\"}, ...]} with 1 to 20 games.");
        }
        List<Report> list = new ArrayList<>();
        for (JsonNode g : games) {
            if (!g.isObject() || !g.path("pin").isTextual()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "Each game needs a pin.");
            }
            String pin = g.get("pin").textValue();
            authorise(pin, g.path("hostToken").isTextual() ? g.get("hostToken").textValue() : null, request);
            list.add(load(pin));
        }
        return Comparison.of(list);
    }

    // ------------------------------------------------------------------ helpers

    private Report load(String pin) {
        return reports.report(pin).orElseThrow(() -> new UnknownGameException(pin));
    }

    private static final String CSV = "text/csv;charset=UTF-8";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private interface TextBody {
        void write(Writer out) throws IOException;
    }

    /** A download: the type, an attachment name, never cached (it holds students' answers), then the body. */
    private static void stream(HttpServletResponse response, String contentType, String fileName, Body body)
            throws IOException {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", attachment(fileName));
        response.setHeader("Cache-Control", "no-store");
        body.write(response.getOutputStream());
    }

    /** A text body written as UTF-8. */
    private static Body csv(TextBody text) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            text.write(writer);
            writer.flush();
        };
    }

    private static String attachment(String fileName) {
        // Plain filename when ASCII (every browser reads it); RFC 5987 filename* only when needed.
        boolean ascii = fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return ascii ? ContentDisposition.attachment().filename(fileName).build().toString()
                : ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }

    private static String url(String pin, String file, DownloadLinks.Signed signed) {
        return "/api/games/" + pin + "/" + file + "?expires=" + signed.expires() + "&signature=" + signed.signature();
    }

    private void authorise(String pin, String token, HttpServletRequest request) {
        if (!teacher.isTeacher(request) && !hub.isHostToken(pin, token)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "HOST_ONLY", teacher.refusal(request, "this game's report",
                    "Only the teacher can read this game's report: open it in the browser that hosted the game, on "
                    + "the computer running Quizroom, or log in as the teacher (quizroom.teacher-password)."));
        }
    }
}
