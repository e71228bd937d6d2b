package org.quizroom;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.quizroom.quiz.lint.LintCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QuizroomApplication {

    /** What {@code --help} prints: how to start the server, its main settings, and the two commands. */
    static final String USAGE = """
            Quizroom: a live classroom quiz server.

            usage: java -jar quizroom.jar [COMMAND] [--setting=value ...]

            Commands:
              (none)              start the server: http://localhost:8080
              draft NOTES_FILE    write a draft quiz from lesson notes to standard output
              lint QUIZ_FILE...   check quiz files, then exit
              --help              this text

            Main settings (README.md, "Configuration", lists them all):
              --server.port=8080                  HTTP and WebSocket port
              --quizroom.quizzes-dir=quizzes      folder of quiz files
              --quizroom.data-dir=./data          folder of the H2 database
              --quizroom.join-host=192.168.1.20   address shown in join links and QR codes
              --quizroom.teacher-password=...     teacher login for other computers
            """;

    private static final List<String> HELP = List.of("--help", "-h", "-?", "help");

    /**
     * Starts the server, or with {@code draft NOTES} writes a draft quiz from lesson notes, or with {@code lint FILE...}
     * checks quiz files and exits without starting it (exit code 0: nothing above info, 1: warnings, 2: a file does
     * not load). {@code --help} prints {@link #USAGE} and exits 0; any other word that is not a {@code --setting}
     * (a mistyped command, say) prints it to standard error and exits 2, rather than starting a server the user
     * did not ask for.
     */
    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        if (command.equals("draft")) { // notes → draft quiz, no server (issue 13)
            org.quizroom.authoring.draft.DraftCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (command.equals("lint")) {
            System.exit(LintCommand.run(Arrays.asList(args).subList(1, args.length), System.out));
        }
        int refused = refuseUnknownCommand(args, System.out, System.err);
        if (refused >= 0) {
            if (refused > 0) {
                System.exit(refused);
            }
            return;
        }
        SpringApplication.run(QuizroomApplication.class, args);
    }

    /**
     * Answers {@code --help} and words the server would otherwise ignore.
     *
     * @return -1 to start the server; 0 after printing the usage to {@code out} for {@code --help}; 2 after printing
     *         "Unknown command" and the usage to {@code err} for an argument that is neither a command nor a
     *         {@code --setting} (Spring Boot silently ignores such arguments)
     */
    static int refuseUnknownCommand(String[] args, PrintStream out, PrintStream err) {
        for (String arg : args) {
            if (HELP.contains(arg)) {
                out.print(USAGE);
                return 0;
            }
        }
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                err.println("Unknown command: " + arg);
                err.println();
                err.print(USAGE);
                return 2;
            }
        }
        return -1;
    }
}
