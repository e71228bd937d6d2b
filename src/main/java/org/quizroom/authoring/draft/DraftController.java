package org.quizroom.authoring.draft;

import java.io.IOException;
import java.io.InputStream;
import org.quizroom.QuizroomProperties;
import org.quizroom.web.ApiError;
import org.quizroom.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/drafts}: lesson notes in (a text body, or a multipart {@code file}), a draft quiz
 * out (see {@link Draft} and docs/protocol.md). Nothing is stored; the teacher saves the reviewed
 * quiz through the editor.
 */
@RestController
@RequestMapping("/api/drafts")
public class DraftController {

    private final DraftGenerator generator;
    private final long maxBytes;

    public DraftController(QuizroomProperties properties) {
        this.maxBytes = properties.draftMaxUploadBytes();
        this.generator = new DraftGenerator(maxBytes, DraftGenerator.DEFAULT_TARGET);
    }

    /** Pasted notes as {@code text/plain} or {@code text/markdown} (UTF-8). */
    @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, "text/markdown"})
    public Draft fromText(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return generator.fromPasted(bytes);
    }

    /** An uploaded notes file in the multipart part {@code file} (.txt, .md, .docx, .pdf). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Draft fromFile(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "NOTES_MISSING", "Send the notes in a form field named 'file'.");
        }
        if (file.getSize() > maxBytes) {
            throw new NotesException("NOTES_TOO_LARGE", "The notes are " + file.getSize() + " bytes; at most "
                    + maxBytes + " bytes are accepted.");
        }
        return generator.fromFile(file.getOriginalFilename(), file.getBytes());
    }

    /**
     * The reviewed quiz (the draft's {@code quiz} object with the teacher's kept questions) as a quiz
     * file; {@code source} and {@code status} fields are dropped, never saved. 422 {@code QUIZ_INVALID}
     * with the loader's first problem when the quiz would not load.
     */
    @PostMapping(path = "/yaml", consumes = MediaType.APPLICATION_JSON_VALUE, produces = "application/yaml")
    public String toYaml(@org.springframework.web.bind.annotation.RequestBody java.util.Map<String, Object> quiz) {
        var clean = new java.util.LinkedHashMap<String, Object>();
        clean.put("title", quiz.get("title"));
        if (quiz.get("description") != null) {
            clean.put("description", quiz.get("description"));
        }
        var questions = new java.util.ArrayList<Object>();
        if (quiz.get("questions") instanceof java.util.List<?> list) {
            for (Object q : list) {
                if (q instanceof java.util.Map<?, ?> m) {
                    var copy = new java.util.LinkedHashMap<Object, Object>(m);
                    copy.remove("source");
                    copy.remove("status");
                    copy.remove("draft");
                    questions.add(copy);
                }
            }
        }
        clean.put("questions", questions);
        String yaml = DraftYaml.write(clean);
        if (org.quizroom.quiz.QuizParser.parse("draft", "draft.yaml", yaml)
                instanceof org.quizroom.quiz.QuizParser.Failed failed) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "QUIZ_INVALID", failed.problems().get(0).toString());
        }
        return yaml;
    }

    @ExceptionHandler(NotesException.class)
    ResponseEntity<ApiError> notes(NotesException e) {
        HttpStatus status = switch (e.code()) {
            case "NOTES_TOO_LARGE" -> HttpStatus.PAYLOAD_TOO_LARGE;
            case "NOTES_NOT_TEXT", "DOCX_UNREADABLE", "PDF_UNREADABLE", "PDF_ENCRYPTED", "PDF_NO_TEXT" ->
                    HttpStatus.UNPROCESSABLE_ENTITY;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(new ApiError(e.code(), e.getMessage()));
    }
}
