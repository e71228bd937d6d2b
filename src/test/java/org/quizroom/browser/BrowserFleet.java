package org.quizroom.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The browsers of one test: started (some in the background, a Chromium start takes seconds) and all quit.
 *
 * <p>As a JUnit extension ({@link #perTest}) it does a browser test class's chores itself: deletes
 * the class's old screenshots once, points at the running server's port before each test and quits
 * every browser after it.
 */
final class BrowserFleet implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Own threads: the common pool has a single thread on a 2-core machine. */
    private static final Executor STARTER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "browser-start");
        t.setDaemon(true);
        return t;
    });

    private int port;
    private final String shotPrefix;
    private final List<Screen> screens = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Screen>> starting = new ArrayList<>();

    BrowserFleet(int port) {
        this.port = port;
        this.shotPrefix = null;
    }

    private BrowserFleet(String shotPrefix) {
        this.shotPrefix = shotPrefix;
    }

    /**
     * The fleet of a {@code @LiveServerTest} class, as
     * {@code @RegisterExtension static final BrowserFleet fleet = BrowserFleet.perTest("notes-");}.
     *
     * @param shotPrefix the class's screenshot prefix; its old screenshots are deleted before the class runs
     */
    static BrowserFleet perTest(String shotPrefix) {
        return new BrowserFleet(shotPrefix);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Browsers.deleteScreenshots(shotPrefix);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        quitAll();
    }

    Screen browser(String who, Dimension size, String shotPrefix) {
        Screen screen = new Screen(who, size, "http://127.0.0.1:" + port, shotPrefix);
        screens.add(screen);
        return screen;
    }

    /** Starts a browser in the background; {@link #ready} waits for it. */
    CompletableFuture<Screen> browserLater(String who, Dimension size, String shotPrefix) {
        CompletableFuture<Screen> future = CompletableFuture.supplyAsync(() -> browser(who, size, shotPrefix), STARTER);
        starting.add(future);
        return future;
    }

    static Screen ready(CompletableFuture<Screen> future) {
        try {
            return future.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("a browser did not start", e);
        }
    }

    /** Quits every browser, including ones still starting. */
    void quitAll() {
        starting.forEach(f -> f.handle((s, e) -> null).join());
        screens.forEach(Screen::close);
        screens.clear();
        starting.clear();
    }
}
