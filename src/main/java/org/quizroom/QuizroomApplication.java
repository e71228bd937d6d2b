package org.quizroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QuizroomApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("draft")) { // notes → draft quiz, no server (issue 13)
            org.quizroom.authoring.draft.DraftCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(QuizroomApplication.class, args);
    }
}
