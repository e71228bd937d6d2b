package org.quizroom.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.quizroom.QuizroomProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Guards the teacher actions that must never be open to a student's phone on the same network:
 * handing the host screen to another computer, changing the join address, the games list (live PINs),
 * reloading the quizzes, and reading a past game's report without its host key (a teacher on a new
 * browser). With a teacher password the {@link TeacherLogin} filter has already checked the login;
 * without one, only requests from this computer itself (loopback) are allowed. See docs/security.md.
 */
@Component
public class TeacherComputer {

    private final boolean passwordSet;

    public TeacherComputer(QuizroomProperties properties) {
        this.passwordSet = !properties.teacherPassword().isEmpty();
    }

    /**
     * Passes when the teacher login was given (password set) or the request comes from this computer
     * (no password).
     *
     * @throws ApiException 403 {@code code} when neither holds, saying how to allow it
     */
    public void require(HttpServletRequest request, String code, String what) {
        if (passwordSet) {
            if (!Boolean.TRUE.equals(request.getAttribute(TeacherLogin.AUTHENTICATED))) {
                throw new ApiException(HttpStatus.UNAUTHORIZED, "TEACHER_LOGIN", "Log in as the teacher to do this.");
            }
            return;
        }
        if (!isLoopback(request.getRemoteAddr())) {
            throw new ApiException(HttpStatus.FORBIDDEN, code, "Without a teacher password, " + what
                    + " only works on the computer running Quizroom. Set quizroom.teacher-password to do it from "
                    + "another computer.");
        }
    }

    /**
     * Whether the request is the teacher's: the teacher login when a password is set, else a request
     * from this computer (loopback). Never throws; for endpoints that also accept another key.
     */
    public boolean isTeacher(HttpServletRequest request) {
        return passwordSet ? Boolean.TRUE.equals(request.getAttribute(TeacherLogin.AUTHENTICATED))
                : isLoopback(request.getRemoteAddr());
    }

    static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
