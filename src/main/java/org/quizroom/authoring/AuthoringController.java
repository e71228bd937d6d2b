package org.quizroom.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizroom.authoring.interchange.ExportResult;
import org.quizroom.authoring.interchange.ImportResult;
import org.quizroom.authoring.interchange.Interchange;
import org.quizroom.quiz.QuestionImage;
import org.quizroom.quiz.QuizCatalog;
import org.quizroom.quiz.QuizProblem;
import org.quizroom.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The quiz editor's HTTP API under {@code /api/authoring} (docs/protocol.md, "Authoring"). Every
 * request needs the teacher login when one is set; every change needs the {@code X-Quizroom}
 * header ({@link WriteRequestGuard}).
 */
@RestController
@RequestMapping("/api/authoring")
public class AuthoringController {

    /** A quiz in the editor's shape: {title, description, questions: [{type, text, …}]}, and optionally its id. */
    public record QuizBody(Map<String, Object> quiz, String id) {
    }

    /** A save: the version the editor opened and the quiz as it is now. */
    public record SaveBody(String version, Map<String, Object> quiz) {
    }

    /** A restore: the version of the file the editor has open. */
    public record RestoreBody(String version) {
    }

    /** A refused save with the problems the loader found, for the editor to show beside each question. */
    public record ProblemsError(String code, String message, List<QuizProblem> problems) {
    }

    /** A save refused because the file is newer than the one opened; both versions are kept. */
    public record ConflictError(String code, String message, String currentVersion, String keptAs) {
    }

    /** An import preview: the quiz that would be created, what did not convert, and the loader's verdict on it. */
    public record ImportPreview(String format, String fileName, Map<String, Object> quiz, List<ImportResult.Issue> issues,
                                List<QuizProblem> problems, List<QuizLint.Warning> warnings) {
    }

    private final AuthoringService service;
    private final ImageStore images;
    private final Interchange interchange;
    private final QuizCatalog catalog;
    private final ObjectMapper mapper;

    public AuthoringController(AuthoringService service, ImageStore images, Interchange interchange, QuizCatalog catalog,
                               ObjectMapper mapper) {
        this.mapper = mapper;
        this.service = service;
        this.images = images;
        this.interchange = interchange;
        this.catalog = catalog;
    }

    @GetMapping("/quizzes")
    public List<AuthoringService.Listed> list() {
        return service.list();
    }

    @GetMapping("/quizzes/{id}")
    public AuthoringService.Opened open(@PathVariable String id) {
        return service.open(id);
    }

    @PostMapping("/quizzes")
    public ResponseEntity<AuthoringService.Saved> create(@RequestBody JsonNode json) {
        QuizBody body = read(json, QuizBody.class, "quiz");
        return ResponseEntity.status(HttpStatus.CREATED).body(service.create(body.quiz()));
    }

    @PutMapping("/quizzes/{id}")
    public AuthoringService.Saved save(@PathVariable String id, @RequestBody JsonNode json) {
        SaveBody body = read(json, SaveBody.class, "version", "quiz");
        if (body.version() == null || body.version().isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VERSION_REQUIRED",
                    "Send the version the editor opened, so a newer file is never overwritten.");
        }
        return service.save(id, body.version(), body.quiz());
    }

    @PostMapping("/quizzes/{id}/duplicate")
    public ResponseEntity<AuthoringService.Saved> duplicate(@PathVariable String id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.duplicate(id));
    }

    @DeleteMapping("/quizzes/{id}")
    public QuizFiles.Stored delete(@PathVariable String id) {
        return service.delete(id);
    }

    @GetMapping("/trash")
    public List<QuizFiles.Stored> trash() {
        return service.trash();
    }

    @PostMapping("/trash/{name}/restore")
    public Map<String, String> undelete(@PathVariable String name) {
        return Map.of("id", service.undelete(name));
    }

    @GetMapping("/quizzes/{id}/versions")
    public List<QuizFiles.Stored> versions(@PathVariable String id) {
        return service.versions(id);
    }

    @GetMapping("/quizzes/{id}/versions/{name}")
    public Map<String, Object> version(@PathVariable String id, @PathVariable String name) {
        var out = new LinkedHashMap<String, Object>();
        out.put("name", name);
        out.put("quiz", service.version(id, name));
        return out;
    }

    @PostMapping("/quizzes/{id}/versions/{name}/restore")
    public AuthoringService.Saved restore(@PathVariable String id, @PathVariable String name, @RequestBody JsonNode json) {
        RestoreBody body = read(json, RestoreBody.class, "version");
        return service.restore(id, name, body.version());
    }

    @PostMapping("/validate")
    public AuthoringService.Check validate(@RequestBody JsonNode json) {
        QuizBody body = read(json, QuizBody.class, "quiz", "id");
        if (body.quiz() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_JSON", "The request needs a 'quiz' object.");
        }
        String id = body.id() != null && QuizFiles.validId(body.id()) ? body.id() : null;
        return service.check(body.quiz(), id);
    }

    @PostMapping(path = "/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImageStore.StoredImage> upload(@RequestPart("file") MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED).body(images.store(file.getOriginalFilename(), bytes(file)));
    }

    @GetMapping("/images/{name}")
    public ResponseEntity<byte[]> image(@PathVariable String name) {
        var file = images.find(name).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_IMAGE",
                "There is no picture called '" + name + "'."));
        try {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(QuestionImage.contentType(name)))
                    .header("X-Content-Type-Options", "nosniff")
                    // As the game serves pictures: an SVG opened on its own can run nothing.
                    .header("Content-Security-Policy", org.quizroom.web.QuestionImageController.IMAGE_CSP)
                    .cacheControl(CacheControl.noCache())
                    .body(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportPreview importFile(@RequestPart("file") MultipartFile file,
                                    @RequestParam(name = "format", required = false) String format) {
        ImportResult result = interchange.read(file.getOriginalFilename(), format, bytes(file));
        AuthoringService.Check check = service.check(result.quiz(), null);
        return new ImportPreview(result.format(), result.fileName(), result.quiz(), result.issues(), check.problems(),
                check.warnings());
    }

    @GetMapping("/quizzes/{id}/export")
    public ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(name = "format") String format) {
        var quiz = catalog.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_QUIZ",
                "There is no quiz called '" + id + "' that loads; fix its problems first."));
        ExportResult result = interchange.write(quiz, format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(result.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(id + "." + result.extension()).build().toString())
                .header("X-Quizroom-Not-Exported", String.valueOf(result.notExported().size()))
                .body(result.bytes());
    }

    // ------------------------------------------------------------------------------------------

    @ExceptionHandler(AuthoringProblem.class)
    ResponseEntity<ProblemsError> problems(AuthoringProblem e) {
        return ResponseEntity.status(e.status()).body(new ProblemsError(e.code(), e.getMessage(), e.problems()));
    }

    @ExceptionHandler(QuizFiles.VersionConflict.class)
    ResponseEntity<ConflictError> conflict(QuizFiles.VersionConflict e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ConflictError("CHANGED_SINCE_OPENED",
                "This quiz changed since you opened it (another tab, or the file was edited by hand). Nothing was "
                        + "overwritten: your version is kept as " + e.keptAs() + " in the quiz's versions; "
                        + "reload to see the newer one.", e.currentVersion(), e.keptAs()));
    }

    /** Reads a JSON body into a record, refusing fields it does not know (a typo must not be silently ignored). */
    private <T> T read(JsonNode json, Class<T> type, String... allowed) {
        if (json == null || !json.isObject()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_JSON", "The request body must be a JSON object.");
        }
        var known = java.util.Set.of(allowed);
        json.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD",
                        "'" + name + "' is not a field here (allowed: " + String.join(", ", allowed) + ").");
            }
        });
        try {
            return mapper.treeToValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_JSON", "The request body is not the JSON this endpoint expects.");
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
