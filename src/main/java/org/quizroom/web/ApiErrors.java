package org.quizroom.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.quizroom.game.GameException;
import org.quizroom.live.GameMovingException;
import org.quizroom.live.UnknownGameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of the HTTP API to {@code {code, message}} with the right status. */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return json(e.status()).body(new ApiError(e.code(), e.getMessage()));
    }

    @ExceptionHandler(GameException.class)
    ResponseEntity<ApiError> game(GameException e) {
        return json(e.code().httpStatus()).body(new ApiError(e.code().name(), e.getMessage()));
    }

    @ExceptionHandler(UnknownGameException.class)
    ResponseEntity<ApiError> unknownGame(UnknownGameException e) {
        return json(HttpStatus.NOT_FOUND).body(new ApiError("UNKNOWN_GAME", e.getMessage()));
    }

    @ExceptionHandler(GameMovingException.class)
    ResponseEntity<ApiError> moving(GameMovingException e) {
        return json(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(Math.max(1, (e.retryAfterMs() + 999) / 1000)))
                .body(new ApiError("GAME_MOVING", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return json(HttpStatus.BAD_REQUEST).body(new ApiError("BAD_JSON",
                "The request body is not the JSON this endpoint expects."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return json(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return json(HttpStatus.METHOD_NOT_ALLOWED)
                .body(new ApiError("METHOD_NOT_ALLOWED", e.getMessage()));
    }

    /** An upload past the multipart limit ({@code quizroom.max-upload-bytes}): notes for a draft, or an editor file. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        boolean notes = request.getRequestURI().startsWith("/api/drafts");
        return json(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(new ApiError(notes ? "NOTES_TOO_LARGE" : "FILE_TOO_LARGE",
                        "The uploaded file is larger than this server accepts."));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<ApiError> missingPart(Exception e) {
        return json(HttpStatus.BAD_REQUEST).body(new ApiError("FILE_REQUIRED",
                "Send the file as multipart/form-data in a part called 'file'."));
    }

    /** An unknown address: a short page for a browser that navigated there, the API's JSON for anything else. */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> notFound(NoResourceFoundException e, HttpServletRequest request) {
        if (SimplePage.wanted(request) && !request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(SimplePage.TYPE)
                    .body(SimplePage.html("Nothing here", "There is no page at this address. Check the address, or "
                            + "go to the student page to join a game."));
        }
        return json(HttpStatus.NOT_FOUND).body(new ApiError("NOT_FOUND", "Nothing here."));
    }

    /** A path or query value of the wrong kind, e.g. a question number that is not a number. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> wrongKind(MethodArgumentTypeMismatchException e) {
        return json(HttpStatus.BAD_REQUEST).body(new ApiError("BAD_REQUEST",
                "The value given for '" + e.getName() + "' is not valid here."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return json(HttpStatus.BAD_REQUEST).body(new ApiError("BAD_REQUEST",
                "The query parameter '" + e.getParameterName() + "' is missing."));
    }

    /**
     * A folder the server may not write to, most often a quizzes folder that belongs to another user than the
     * one running Quizroom (a systemd install that copied the quizzes as root): the teacher's save, import or
     * picture is refused with the folder's name and what to do, and the log gets one line, not a stack trace.
     */
    @ExceptionHandler(UncheckedIOException.class)
    ResponseEntity<ApiError> io(UncheckedIOException e) {
        if (!(e.getCause() instanceof AccessDeniedException denied)) {
            return unexpected(e);
        }
        Path file = Path.of(denied.getFile());
        String folder = String.valueOf(file.getParent() == null ? file : file.getParent());
        log.warn("Cannot write to {}: give the user running Quizroom write access to it (docs/deploy.md)", folder);
        return json(HttpStatus.INTERNAL_SERVER_ERROR).body(new ApiError("FOLDER_NOT_WRITABLE", "Quizroom may not "
                + "write to the folder " + folder + ", so nothing was saved. Give the user that runs Quizroom write "
                + "access to it (see the server section of docs/deploy.md)."));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ApiError> unexpected(RuntimeException e) {
        log.error("Unexpected error", e);
        return json(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("INTERNAL", "Something went wrong on the server; nothing was changed."));
    }

    /**
     * A response builder whose body is always JSON, whatever the request's Accept header: without the preset
     * type, a client that does not accept JSON (Accept: text/html or image/png) turned every API error into a 500
     * and a stack trace in the log.
     */
    private static ResponseEntity.BodyBuilder json(HttpStatusCode status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
    }

    private static ResponseEntity.BodyBuilder json(int status) {
        return json(HttpStatusCode.valueOf(status));
    }
}
