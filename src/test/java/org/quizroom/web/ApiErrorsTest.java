package org.quizroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Errors that come from the server's own machine rather than from the request. Found by a fresh tester
 * following docs/deploy.md: with the quizzes copied as root, every save in the editor answered "Something went
 * wrong" and logged a stack trace. (A test cannot take write access away from a root-run build, so the handler
 * is given the exception the quiz files throw.)
 */
class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors();

    @Test
    void aFolderTheServerMayNotWriteToIsNamedWithWhatToDo() {
        ResponseEntity<ApiError> r = errors.io(new UncheckedIOException(
                new AccessDeniedException("/opt/quizroom/quizzes/.warm-up-copy.yaml.3v2szp62ak2l6.tmp")));

        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(r.getBody().code()).isEqualTo("FOLDER_NOT_WRITABLE");
        assertThat(r.getBody().message()).contains("/opt/quizroom/quizzes,", "nothing was saved", "write access")
                .doesNotContain(".tmp");
    }

    @Test
    void anyOtherFileProblemIsStillAnInternalError() {
        ResponseEntity<ApiError> r = errors.io(new UncheckedIOException(new NoSuchFileException("/gone")));

        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(r.getBody().code()).isEqualTo("INTERNAL");
    }
}
