package org.quizroom.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for the browser tests: the system's chromium and chromedriver (never a
 * downloaded browser), each browser with a fresh profile, no background networking.
 */
public final class Browsers {

    public static final Dimension PROJECTOR = new Dimension(1920, 1080);
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browsers() {
    }

    public static WebDriver open(Dimension size) {
        File driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        File chromium = firstExisting("/usr/bin/chromium", "/usr/lib/chromium/chromium");
        if (driver == null || chromium == null) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
                    + "sudo apt-get install chromium chromium-driver (.ci/run does this).");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("quizroom-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        fitViewport(browser, size);
        return browser;
    }

    /**
     * Makes the page area (not the window with its invisible browser frame) exactly {@code size}:
     * headless Chromium's window includes about 140 px of toolbar height, so a 1080 px window
     * shows only ~940 px of page.
     */
    static void fitViewport(WebDriver browser, Dimension size) {
        browser.manage().window().setSize(size);
        for (int attempt = 0; attempt < 3; attempt++) {
            @SuppressWarnings("unchecked")
            java.util.List<Number> inner = (java.util.List<Number>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return [window.innerWidth, window.innerHeight]");
            int dw = size.getWidth() - inner.get(0).intValue();
            int dh = size.getHeight() - inner.get(1).intValue();
            if (dw == 0 && dh == 0) {
                return;
            }
            Dimension window = browser.manage().window().getSize();
            browser.manage().window().setSize(new Dimension(window.getWidth() + dw, window.getHeight() + dh));
        }
        throw new IllegalStateException("Could not make the browser's page area " + size);
    }

    /** Saves what the person sees, for review without running a lesson. */
    public static void screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a test class's screenshots from an earlier run, so the folder shows this run only. */
    public static void deleteScreenshots(String prefix) {
        try (var files = Files.list(SCREENSHOTS)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(prefix)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // first run: nothing to delete
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Gives the server under test an editor's quizzes folder of its own: {@code folder}, created,
     * holding only a copy of the shipped warm-up quiz (for the dashboard to list), as
     * {@code quizroom.quizzes-dir}. Call from the test class's {@code @DynamicPropertySource}.
     */
    static void useQuizzesFolderWithWarmUp(org.springframework.test.context.DynamicPropertyRegistry registry, Path folder)
            throws IOException {
        Files.createDirectories(folder);
        Files.copy(Path.of("quizzes", "warm-up.yaml"), folder.resolve("warm-up.yaml"));
        registry.add("quizroom.quizzes-dir", folder::toString);
    }

    private static File firstExisting(String... paths) {
        for (String path : paths) {
            File file = new File(path);
            if (file.canExecute()) {
                return file;
            }
        }
        return null;
    }
}
