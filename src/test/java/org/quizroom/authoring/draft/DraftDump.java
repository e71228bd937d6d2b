package org.quizroom.authoring.draft;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * By hand, not a test: prints a draft's proposed questions and the "more" list with rule and score,
 * for judging the rules on notes outside the repository. {@code DraftDump FILE [more]}
 */
public final class DraftDump {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Draft d = new DraftGenerator(5_000_000, DraftGenerator.DEFAULT_TARGET)
                .fromFile(file.getFileName().toString(), Files.readAllBytes(file));
        System.out.println("title: " + d.title() + "\ncounts: " + d.counts() + " proposed " + d.questions().size());
        d.sections().forEach(s -> System.out.println("  [" + s.proposed() + "/" + s.candidates() + "] " + s.heading()));
        for (Draft.DraftQuestion q : d.questions()) {
            print(q);
        }
        if (args.length > 1) {
            System.out.println("---- more");
            d.more().forEach(DraftDump::print);
        }
    }

    private static void print(Draft.DraftQuestion q) {
        Map<String, Object> m = q.question();
        Object answer = m.containsKey("answer") ? m.get("answer") : m.containsKey("answers") ? m.get("answers") : m.get("items");
        System.out.printf("%s %-12s %-10s %.1f | %s | %s%s%n", q.id(), q.rule(), m.get("type"), q.score(), m.get("text"),
                answer, m.containsKey("choices") ? "  " + m.get("choices") : "");
    }
}
