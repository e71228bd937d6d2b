package org.quizroom.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * With a teacher password set, the editor page and every authoring request, reads included (an
 * opened quiz shows its answers), need the teacher login; students' pages still do not.
 */
@LiveServerTest
@TestPropertySource(properties = "quizroom.teacher-password=Pl4net-9")
class AuthoringLoginIT {

    @LocalServerPort
    int port;

    @Test
    void theEditorAndItsApiAreTheTeachersOnly() {
        EditorClient anonymous = new EditorClient(port);
        for (String path : new String[] {"/editor", "/editor.html", "/api/authoring/quizzes", "/api/authoring/quizzes/warm-up",
                "/api/authoring/trash", "/api/authoring/quizzes/warm-up/export?format=gift", "/api/authoring/%71uizzes"}) {
            EditorClient.Response r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
        }
        EditorClient.Response write = anonymous.post("/api/authoring/validate", "{\"quiz\": {}}");
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.body().get("code").asText()).isEqualTo("TEACHER_LOGIN");
        assertThat(anonymous.with(true, "Authorization", basic("teacher", "wrong")).get("/api/authoring/quizzes").status())
                .isEqualTo(401);

        EditorClient teacher = anonymous.with(true, "Authorization", basic("teacher", "Pl4net-9"));
        assertThat(teacher.get("/editor").status()).isEqualTo(200);
        EditorClient.Response opened = teacher.get("/api/authoring/quizzes/warm-up");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body().at("/quiz/title").asText()).isEqualTo("Warm-up");
        assertThat(teacher.post("/api/authoring/validate", "{\"quiz\": {}}").status()).isEqualTo(200);

        assertThat(anonymous.get("/play").status()).as("the students' page stays open").isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
