package org.quizroom.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * A short page in Quizroom's own look for a browser that navigated somewhere it gets no page: a teacher-only
 * address opened from a student's laptop, or an address that does not exist. It says why in one sentence and
 * links to the student page; API clients get JSON instead.
 */
final class SimplePage {

    static final MediaType TYPE = MediaType.parseMediaType("text/html;charset=UTF-8");

    private SimplePage() {
    }

    /** Whether the request is a browser's navigation (its Accept names text/html) rather than an API call. */
    static boolean wanted(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * @param heading the page's title and heading, plain text
     * @param message one or two sentences, plain text (escaped here)
     * @return the whole HTML document; its heading and message carry the ids {@code refused-title} and
     *         {@code refused-message} for tests and screen readers' landmarks
     */
    static String html(String heading, String message) {
        String h = HtmlUtils.htmlEscape(heading);
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Quizroom — " + h + "</title><link rel=\"stylesheet\" href=\"/css/base.css\">"
                + "</head><body><main class=\"wrap\"><h1 id=\"refused-title\">" + h + "</h1>"
                + "<p id=\"refused-message\">" + HtmlUtils.htmlEscape(message) + "</p>"
                + "<p><a class=\"button\" href=\"/play\">Go to the student page</a></p></main></body></html>";
    }
}
