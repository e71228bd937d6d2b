package org.quizroom;

import org.quizroom.quiz.lint.LintCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QuizroomApplication {

    /**
     * Starts the server, or with {@code draft NOTES} writes a draft quiz from lesson notes, or with {@code lint FILE...} checks quiz files and exits without starting
     * it (exit code 0: nothing above info, 1: warnings, 2: a file does not load).
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("draft")) { // notes → draft quiz, no server (issue 13)
            org.quizroom.authoring.draft.DraftCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("lint")) {
            System.exit(LintCommand.run(java.util.Arrays.asList(args).subList(1, args.length), System.out));
        }
        SpringApplication.run(QuizroomApplication.class, args);
    }
}
