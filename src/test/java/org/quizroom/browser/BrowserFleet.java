package org.quizroom.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.Dimension;

/** The browsers of one test: started (some in the background, a Chromium start takes seconds) and all quit. */
final class BrowserFleet {

    /** Own threads: the common pool has a single thread on a 2-core machine. */
    private static final Executor STARTER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "browser-start");
        t.setDaemon(true);
        return t;
    });

    private final int port;
    private final List<Screen> screens = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Screen>> starting = new ArrayList<>();

    BrowserFleet(int port) {
        this.port = port;
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
