package org.quizroom.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.quizroom.QuizroomProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The optional teacher password (HTTP Basic, user "teacher"). When it is set, the dashboard,
 * hosting, the games list, quiz problems, quiz reloading and the quiz editor (page and API) need it;
 * students' pages and joining never do.
 * A valid login also opens any report, which otherwise needs the game's host token.
 */
@Component
public class TeacherLogin extends OncePerRequestFilter {

    public static final String AUTHENTICATED = TeacherLogin.class.getName() + ".authenticated";
    private static final String USER = "teacher";

    private final byte[] password;
    private final TeacherComputer thisComputer;

    public TeacherLogin(QuizroomProperties properties, TeacherComputer thisComputer) {
        this.password = properties.teacherPassword().getBytes(StandardCharsets.UTF_8);
        this.thisComputer = thisComputer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (password.length == 0) {
            // Without a password the LAN is the students' too: what shows answer keys (the quiz editor,
            // notes to draft, broken files' problems, hosting a game) works only on the computer running Quizroom.
            if (showsAnswers(request) && !thisComputer.isThisComputer(request)) {
                refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "TEACHER_COMPUTER_ONLY",
                        thisComputer.refusal(request, "the teacher's pages (hosting a game, the quiz editor, notes to "
                                + "draft)", "Without a teacher password, the teacher's pages (hosting a game, the quiz "
                                + "editor, notes to draft) only work on the computer running Quizroom. Set "
                                + "quizroom.teacher-password to use them from another computer."));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        boolean valid = validLogin(request.getHeader("Authorization"));
        request.setAttribute(AUTHENTICATED, valid);
        if (!valid && teacherOnly(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Quizroom teacher\", charset=\"UTF-8\"");
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "TEACHER_LOGIN",
                    "Log in as the teacher to do this.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Writes a refusal: a short page when a browser navigated here (its Accept names text/html), so a student
     * who opens the editor's address reads a sentence and a way to the student page instead of raw JSON;
     * otherwise the API's {@code {"code", "message"}} JSON.
     *
     * @param status  HTTP status, 401 or 403
     * @param code    the API error code
     * @param message the reason (escaped here for the page; it may name the request's Host)
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
                               String message) throws IOException {
        response.setStatus(status);
        if (SimplePage.wanted(request)) {
            response.setContentType(SimplePage.TYPE.toString());
            response.getWriter().write(SimplePage.html("This page is for the teacher", message));
            return;
        }
        new ApiError(code, message).writeTo(response, status);
    }

    /**
     * Paths whose answers would let a student cheat: the editor and its API, drafts, broken files' problems,
     * and opening a game: a student who hosts the quiz themself and skips through it sees every reveal
     * (found by a fresh tester: the whole key of a 42-question quiz in 35 s), and a few laptops opening
     * games could fill the server's game cap before the lesson.
     */
    private static boolean showsAnswers(HttpServletRequest request) {
        String path = routedPath(request);
        return path.equals("/editor") || path.equals("/editor.html") || path.equals("/draft") || path.equals("/draft.html")
                || path.equals("/api/quizzes/problems")
                || (path.equals("/api/games") && "POST".equals(request.getMethod()))
                || path.startsWith("/api/authoring/") || path.equals("/api/authoring") || path.startsWith("/api/drafts");
    }

    private static boolean teacherOnly(HttpServletRequest request) {
        String path = routedPath(request);
        String method = request.getMethod();
        return switch (path) {
            case "/", "/index.html", "/host", "/host.html", "/report", "/report.html", "/api/quizzes/reload" -> true;
            // Problems of broken files quote their content (answers included): for the teacher only.
            case "/api/quizzes/problems" -> true;
            case "/api/games", "/api/network", "/editor", "/editor.html" -> true;
            default -> false;
        } || (path.startsWith("/api/quizzes") && !"GET".equals(method))
                || (path.startsWith("/api/games/") && path.endsWith("/host-session"))
                // The quiz editor: reading a quiz there shows its answers, so every method is the teacher's.
                || path.startsWith("/api/authoring/") || path.equals("/api/authoring")
                || path.startsWith("/api/drafts") || path.equals("/draft.html") || path.equals("/draft");
    }

    /**
     * The path as it is routed: decoded, normalised and without ";" parameters, so "/api/games;x" or
     * "/api/%67ames" (which reach the same controller) cannot slip past the check on the raw URI.
     */
    private static String routedPath(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.length() > 1 ? path.replaceAll("/+$", "") : path;
    }

    private boolean validLogin(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !USER.equals(decoded.substring(0, colon))) {
            return false;
        }
        // Constant-time comparison: the time taken says nothing about how close a guess was.
        return MessageDigest.isEqual(password, decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
    }
}
