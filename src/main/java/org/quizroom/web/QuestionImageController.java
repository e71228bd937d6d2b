package org.quizroom.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quizroom.game.Phase;
import org.quizroom.live.GameHub;
import org.quizroom.live.UnknownGameException;
import org.quizroom.quiz.QuestionImage;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizCatalog;
import org.quizroom.store.GameStore;
import org.quizroom.store.StoredGame;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a question's picture (issue 10, item 15) to the projector and the phones, as an image only:
 * the type comes from the checked extension, sniffing is off, and a Content-Security-Policy with
 * {@code sandbox} and no script source means an SVG opened on its own cannot run anything (inside
 * an {@code <img>} browsers never run SVG scripts anyway). A live game's picture is only served
 * once its question has been shown, so the picture cannot give away what is coming.
 */
@RestController
public class QuestionImageController {

    /** No scripts, no plugins, no loads from elsewhere; inline styles only, which SVGs use for colours. */
    public static final String IMAGE_CSP =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'none'";

    private final GameHub hub;
    private final GameStore store;
    private final QuizCatalog catalog;

    public QuestionImageController(GameHub hub, GameStore store, QuizCatalog catalog) {
        this.hub = hub;
        this.store = store;
        this.catalog = catalog;
    }

    /** @return the image bytes; 404 UNKNOWN_GAME, or NO_IMAGE when the question has none, is not shown yet or the file is gone */
    @GetMapping("/api/games/{pin}/questions/{index}/image")
    public ResponseEntity<byte[]> image(@PathVariable String pin, @PathVariable int index) throws IOException {
        Quiz quiz;
        var live = hub.game(pin);
        if (live.isPresent()) {
            var game = live.get();
            if (game.phase() != Phase.FINISHED && index > game.questionIndex()) {
                throw noImage();
            }
            quiz = game.quiz();
        } else {
            quiz = store.findGame(pin).map(StoredGame::quiz).orElseThrow(() -> new UnknownGameException(pin));
        }
        if (index < 0 || index >= quiz.questions().size() || quiz.questions().get(index).image() == null) {
            throw noImage();
        }
        QuestionImage image = quiz.questions().get(index).image();
        // Checked again here: the quiz may come from the database, written by an older or edited server.
        if (!QuestionImage.isSafeFileName(image.file())) {
            throw noImage();
        }
        Path folder = catalog.folder().toAbsolutePath().normalize();
        Path file = folder.resolve(image.file()).normalize();
        if (!file.getParent().equals(folder) || !Files.isRegularFile(file)
                || Files.size(file) > QuestionImage.MAX_BYTES) {
            throw noImage();
        }
        byte[] bytes = Files.readAllBytes(file);
        if (!QuestionImage.contentMatches(image.file(), java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 4096)))) {
            throw noImage();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(QuestionImage.contentType(image.file())))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", IMAGE_CSP)
                .header("Content-Disposition", "inline")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(10)).cachePrivate())
                .body(bytes);
    }

    private static ApiException noImage() {
        return new ApiException(HttpStatus.NOT_FOUND, "NO_IMAGE", "There is no picture to show for that question.");
    }
}
