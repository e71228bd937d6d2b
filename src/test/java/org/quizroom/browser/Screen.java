package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser (the teacher's projector or a student's phone), with the waits and
 * checks the browser tests share. Every page it opens is watched for script injection: before
 * any page script runs, {@code alert} is replaced by a counter ({@code window.__xss}) and
 * uncaught script errors are collected ({@code window.__errors}).
 */
final class Screen implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private static final String WATCH = """
            window.__xss = 0;
            window.__errors = [];
            window.alert = function () { window.__xss++; };
            window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
            window.addEventListener('unhandledrejection', function (e) { window.__errors.push('rejection: ' + String(e.reason)); });
            window.__audio = 0;
            (function () {
              var AC = window.AudioContext;
              if (!AC) return;
              window.AudioContext = function () { window.__audio++; return new AC(); };
              window.AudioContext.prototype = AC.prototype;
              window.__notes = 0;
              var start = OscillatorNode.prototype.start;
              OscillatorNode.prototype.start = function () { window.__notes++; return start.apply(this, arguments); };
            })();
            // Motion as it happens, for tests that must not sample an animation mid-way: each CSS
            // transition or animation that ends (or starts) is noted with what it moved.
            window.__motion = [];
            ['transitionend', 'animationstart', 'animationend'].forEach(function (type) {
              document.addEventListener(type, function (e) {
                var t = e.target, d = (t && t.dataset) || {};
                window.__motion.push({ type: type, name: e.propertyName || e.animationName || '',
                  cls: String((t && t.className && t.className.baseVal !== undefined) ? t.className.baseVal : (t && t.className) || ''),
                  player: d.playerId || '', rank: d.rank || '', el: t });
              }, true);
            });
            window.__stages = [];
            document.addEventListener('DOMContentLoaded', function () {
              new MutationObserver(function () {
                var st = document.body.dataset.stage;
                if (st && window.__stages[window.__stages.length - 1] !== st) window.__stages.push(st);
              }).observe(document.body, { attributes: true, attributeFilter: ['data-stage'] });
            });
            """;

    final String who;
    final WebDriver driver;
    private final String base;
    private final String shotPrefix;
    private int shots;

    Screen(String who, Dimension size, String base, String shotPrefix) {
        this.who = who;
        this.base = base;
        this.shotPrefix = shotPrefix;
        long t = System.nanoTime();
        this.driver = Browsers.open(size);
        trace("browser started in " + (System.nanoTime() - t) / 1_000_000 + " ms");
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
    }

    private static final long T0 = System.nanoTime();

    /** One line per browser start and screen change, with the time: shows in CI logs where a slow run spent it. */
    void trace(String what) {
        System.out.printf("[%7.2f s] %s: %s%n", (System.nanoTime() - T0) / 1e9, who, what);
    }

    // ------------------------------------------------------------------ navigation and input

    Screen open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        return this;
    }

    void reload() {
        driver.navigate().refresh();
    }

    WebElement el(String id) {
        return driver.findElement(By.id(id));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String id) {
        await(ExpectedConditions.elementToBeClickable(By.id(id)), id + " clickable");
        el(id).click();
    }

    /** Clicks the button a person would find by its accessible name (aria-label or text). */
    void clickButtonNamed(String name) {
        WebElement button = await(d -> d.findElements(By.cssSelector("button")).stream()
                .filter(b -> b.isDisplayed() && b.isEnabled() && name.equals(b.getAccessibleName()))
                .findFirst().orElse(null), "button named '" + name + "'");
        button.click();
    }

    void type(String id, String text) {
        WebElement input = el(id);
        input.clear();
        input.sendKeys(text);
    }

    /** Presses keys with nothing in particular focused, as a student with a keyboard does. */
    void pressKeys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void pressEnterIn(String id) {
        el(id).sendKeys(Keys.ENTER);
    }

    /** Moves the keyboard focus with Tab until it reaches the control with this accessible name. */
    WebElement tabTo(String accessibleName) {
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pressKeys(Keys.TAB);
            WebElement active = driver.switchTo().activeElement();
            String name = active.getAccessibleName();
            if (accessibleName.equals(name)) {
                return active;
            }
            passed.add(name);
        }
        throw new AssertionError(who + ": Tab never reached '" + accessibleName + "'; it went through " + passed);
    }

    String focusedName() {
        return driver.switchTo().activeElement().getAccessibleName();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void acceptConfirm(String expectedText) {
        Alert alert = new WebDriverWait(driver, WAIT).until(ExpectedConditions.alertIsPresent());
        assertThat(alert.getText()).as(who + ": confirm text").contains(expectedText);
        alert.accept();
    }

    // ------------------------------------------------------------------ what the person sees

    String phase() {
        return String.valueOf(js("return document.body.dataset.phase"));
    }

    Screen awaitPhase(String phase) {
        await(d -> phase.equals(phase()), "data-phase=" + phase);
        trace("phase " + phase);
        return this;
    }

    /**
     * Text of an element as a person sees it: hidden elements read as "" (like Selenium's
     * getText, in one round trip instead of two). Fails if there is no such element.
     */
    String text(String id) {
        Object t = js("""
                const e = document.getElementById(arguments[0]);
                if (!e) return null;
                return e.getClientRects().length && !e.closest('[hidden]') ? e.innerText.replace(/\\n\\s*\\n/g, '\\n').trim() : '';""", id);
        if (t == null) {
            throw new org.openqa.selenium.NoSuchElementException("#" + id);
        }
        return (String) t;
    }

    String awaitText(String id, Predicate<String> ok, String description) {
        return await(d -> {
            try {
                String t = text(id);
                return ok.test(t) ? t : null;
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        }, "#" + id + " " + description);
    }

    String awaitText(String id, String exact) {
        return awaitText(id, exact::equals, "to read '" + exact + "'");
    }

    int number(String id) {
        return parseNumber(text(id));
    }

    static int parseNumber(String text) {
        String digits = text.replaceAll("[^0-9-]", "");
        if (digits.isEmpty()) {
            throw new AssertionError("no number in '" + text + "'");
        }
        return Integer.parseInt(digits);
    }

    /** Visible texts of the elements matching a selector, in page order (hidden ones read as ""). */
    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) js("""
                return [...document.querySelectorAll(arguments[0])]
                  .map(e => e.getClientRects().length && !e.closest('[hidden]') ? e.innerText.replace(/\\n\\s*\\n/g, '\\n').trim() : '');""", css);
    }

    <T> T await(java.util.function.Function<WebDriver, T> condition, String description) {
        return await(condition, description, WAIT);
    }

    <T> T await(java.util.function.Function<WebDriver, T> condition, String description, Duration timeout) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            screenshot("FAILED-" + who.replaceAll("\\W+", "_"));
            throw new AssertionError(who + ": waited " + timeout.toSeconds() + " s for " + description
                    + "; phase=" + safePhase() + "; url=" + driver.getCurrentUrl(), e);
        }
    }

    private String safePhase() {
        try {
            return phase();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    void screenshot(String name) {
        Browsers.screenshot(driver, shotPrefix + name);
    }

    /** Numbered screenshot, so the files sort in the order the lesson happened. */
    void shot(String name) {
        shots++;
        screenshot(String.format("%02d-%s", shots, name));
    }

    /** Host lobby: the names a person reads in the roster, in join order. */
    void awaitRoster(String... names) {
        List<String> want = List.of(names);
        await(d -> texts("#roster .nickname").equals(want), "roster " + want);
    }

    /** The countdown a person watches goes down. */
    void assertCountdownRuns() {
        int now = number("countdown");
        assertThat(now).as(who + " countdown").isPositive();
        await(d -> {
            String t = text("countdown");
            return !t.isEmpty() && Integer.parseInt(t) < now;
        }, "countdown to go down from " + now);
    }

    /** Waits until the open question takes answers (after any "get ready" and reading time). */
    Screen awaitAnswering() {
        await(d -> "question".equals(phase()) && "answering".equals(js("return document.body.dataset.stage || 'answering'")),
                "answers to open");
        return this;
    }

    /** Makes the page area this size (projector sizes in one browser) and lets the page re-fit. */
    void resize(Dimension size) {
        // Device-metrics emulation sets the page area exactly and at once (resizing the
        // headless window needs several round trips and may not land on the exact size).
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", size.getWidth(), "height", size.getHeight(), "deviceScaleFactor", 1, "mobile", false));
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    // ------------------------------------------------------------------ checks

    private static String axeSource;

    /**
     * Runs axe-core (the WebJar on the test classpath, injected into the page: no CDN) on what
     * the page shows now and fails with every violation: rule, impact and the elements.
     */
    void assertNoAxeViolations(String where) {
        if (axeSource == null) {
            String path = new org.webjars.WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
            try (var in = Screen.class.getClassLoader().getResourceAsStream(path)) {
                axeSource = new String(java.util.Objects.requireNonNull(in, path).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
            js(axeSource + "\nreturn true;");
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v =>
                    v.id + ' (' + v.impact + '): ' + v.help + ' -- ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')
                      + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 200) + ']' : '')).join('; '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        assertThat(violations).as(who + " " + where + ": axe-core violations").isEmpty();
        trace("axe clean: " + where);
    }

    /** No alert ran, no {@code <img src=x>} was made from a nickname, no script error happened. */
    void assertNoInjectedScript() {
        assertThat(((Number) js("return window.__xss")).intValue()).as(who + ": alert() calls").isZero();
        assertThat(((Number) js("return document.querySelectorAll('img[src=\"x\"], [onerror]').length")).intValue())
                .as(who + ": elements made from markup in a nickname").isZero();
        assertThat((List<?>) js("return window.__errors")).as(who + ": uncaught script errors on " + driver.getCurrentUrl())
                .isEmpty();
    }

    /** Every visible button, field, select and link has a name a screen reader can announce. */
    void assertControlsHaveAccessibleNames(String where) {
        @SuppressWarnings("unchecked")
        List<WebElement> controls = (List<WebElement>) js("""
                return [...document.querySelectorAll('button, input:not([type=hidden]), select, textarea, a[href], [role=button]')]
                  .filter(e => e.getClientRects().length > 0 && !e.closest('[hidden]'));""");
        assertThat(controls).as(who + " " + where + ": visible controls").isNotEmpty();
        List<String> unnamed = new ArrayList<>();
        for (WebElement control : controls) {
            String name = control.getAccessibleName();
            if (name == null || name.isBlank()) {
                unnamed.add(String.valueOf(js("return arguments[0].outerHTML.slice(0, 160)", control)));
            }
        }
        assertThat(unnamed).as(who + " " + where + ": controls without an accessible name").isEmpty();
    }

    /** The phone page never scrolls or cuts off sideways at its width. */
    /** Turns the browser's network off or on, as a phone's Wi-Fi dropping out (Chromium's network emulation). */
    void network(boolean online) {
        ((ChromeDriver) driver).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) driver).executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online,
                "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Element {@code id} is on screen in full with the page scrolled to its top, as a student first sees it. */
    void assertOnScreenFromTheTop(String id, String where) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) js("""
                window.scrollTo(0, 0);
                const r = document.getElementById(arguments[0]).getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, height: window.innerHeight};""", id);
        double top = ((Number) m.get("top")).doubleValue();
        double bottom = ((Number) m.get("bottom")).doubleValue();
        long height = ((Number) m.get("height")).longValue();
        assertThat(top).as(who + " " + where + ": top of #" + id).isGreaterThanOrEqualTo(0);
        assertThat(bottom).as(who + " " + where + ": bottom of #" + id + " in a " + height + " px tall screen")
                .isLessThanOrEqualTo(height);
    }

    void assertNoSidewaysScroll(String where) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) js("""
                const vw = window.innerWidth;
                const wide = [...document.querySelectorAll('body *')]
                  .filter(e => e.getClientRects().length > 0 && !e.closest('[hidden], .visually-hidden'))
                  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > vw + 1 || r.left < -1); })
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
                return {scrollWidth: document.documentElement.scrollWidth, bodyScroll: document.body.scrollWidth,
                        innerWidth: vw, wide: wide.slice(0, 5)};""");
        long inner = ((Number) m.get("innerWidth")).longValue();
        assertThat(((Number) m.get("scrollWidth")).longValue()).as(who + " " + where + ": page width vs " + inner + " px viewport")
                .isLessThanOrEqualTo(inner);
        assertThat(((Number) m.get("bodyScroll")).longValue()).as(who + " " + where + ": body width").isLessThanOrEqualTo(inner);
        assertThat((List<?>) m.get("wide")).as(who + " " + where + ": elements sticking out of the screen").isEmpty();
    }

    /**
     * Every visible element matching the selectors is wholly inside the window, above the host's
     * control bar: on a projector nobody scrolls, so what is below the fold is not seen.
     */
    void assertOnScreen(String... selectors) {
        for (String css : selectors) {
            @SuppressWarnings("unchecked")
            List<String> off = (List<String>) js("""
                    const bar = document.querySelector('.host-controls:not([hidden])');
                    const bottom = bar ? bar.getBoundingClientRect().top : window.innerHeight;
                    const found = [...document.querySelectorAll(arguments[0])].filter(e => e.getClientRects().length > 0);
                    if (!found.length) return ['nothing visible matches'];
                    const limit = e => (bar && bar.contains(e)) ? window.innerHeight : bottom;
                    return found.filter(e => { const r = e.getBoundingClientRect();
                        return r.top < -1 || r.left < -1 || r.right > window.innerWidth + 1 || r.bottom > limit(e) + 1; })
                      .map(e => { const r = e.getBoundingClientRect();
                        return (e.id || e.className) + ' at ' + Math.round(r.top) + '..' + Math.round(r.bottom)
                          + ' (visible to ' + Math.round(bottom) + ')'; });""", css);
            assertThat(off).as(who + ": '" + css + "' must be on the screen without scrolling").isEmpty();
        }
    }

    /** Text in these elements is shown whole: not cut off with "…" or hidden by overflow. */
    void assertNotCutOff(String css) {
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) js("""
                return [...document.querySelectorAll(arguments[0])].filter(e => e.getClientRects().length > 0)
                  .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
                  .map(e => e.textContent);""", css);
        assertThat(cut).as(who + ": texts cut off in '" + css + "'").isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
