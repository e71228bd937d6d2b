package org.quizroom.authoring.draft;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code java -jar quizroom.jar draft notes.txt > quiz.yaml}: writes the proposed questions as a
 * quiz file to standard output and a summary (sections, counts per type) to standard error. Runs
 * before Spring starts: no server, no database.
 */
public final class DraftCommand {

    /** Largest notes file the command reads, in bytes (the same default as the upload limit). */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private DraftCommand() {
    }

    /**
     * @param args the arguments after {@code draft}: one notes file
     * @return the process exit code: 0 done, 1 the notes gave no draft, 2 usage or file error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: java -jar quizroom.jar draft NOTES_FILE > quiz.yaml");
            err.println("  NOTES_FILE: .txt, .md, .docx or .pdf lesson notes");
            return 2;
        }
        Path file = Path.of(args[0]);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                err.println("draft: " + file + " is larger than " + MAX_BYTES + " bytes");
                return 2;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("draft: no such file: " + file);
            return 2;
        } catch (IOException e) {
            err.println("draft: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        try {
            Draft draft = new DraftGenerator(MAX_BYTES, DraftGenerator.DEFAULT_TARGET)
                    .fromFile(file.getFileName().toString(), bytes);
            out.print(draft.yaml());
            out.flush();
            err.println("draft: " + draft.questions().size() + " questions proposed, " + draft.more().size()
                    + " more; types " + draft.counts());
            for (Draft.SectionSummary s : draft.sections()) {
                err.println("  " + s.proposed() + "  " + s.heading());
            }
            return 0;
        } catch (NotesException e) {
            err.println("draft: " + e.code() + ": " + e.getMessage());
            return 1;
        }
    }

    /** Standard output in UTF-8 whatever the platform's default, so names and quotes survive. */
    static PrintStream utf8(PrintStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) {
        System.exit(run(args, utf8(System.out), utf8(System.err)));
    }
}
