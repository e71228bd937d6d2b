package org.quizroom.bench;

import java.lang.reflect.Method;
import org.quizroom.authoring.draft.Draft;
import org.quizroom.authoring.draft.DraftGenerator;

/**
 * By hand, not a test (docs/benchmarks.md, "Notes to draft"): builds a 10-page PDF of notes with
 * PDFBox, then times {@link DraftGenerator#fromFile} on it: one cold run (first use in a fresh JVM,
 * as the CLI sees it) and the median of ten warm runs (as the server sees it).
 * Run: {@code mvn -o test-compile} then
 * {@code java -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) org.quizroom.bench.DraftBench}
 */
public final class DraftBench {

    public static void main(String[] args) throws Exception {
        Class<?> docs = Class.forName("org.quizroom.authoring.draft.TestDocuments");
        Method pdf = docs.getDeclaredMethod("pdf", int.class);
        pdf.setAccessible(true);
        byte[] bytes = (byte[]) pdf.invoke(null, 10);
        var generator = new DraftGenerator(5_000_000, DraftGenerator.DEFAULT_TARGET);
        long start = System.nanoTime();
        Draft first = generator.fromFile("rivers.pdf", bytes);
        long cold = System.nanoTime() - start;
        long[] warm = new long[10];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            generator.fromFile("rivers.pdf", bytes);
            warm[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(warm);
        System.out.printf("10-page PDF (%d bytes): %d proposed, %d more; cold %d ms, warm median %d ms (min %d, max %d)%n",
                bytes.length, first.questions().size(), first.more().size(), cold / 1_000_000, warm[5] / 1_000_000,
                warm[0] / 1_000_000, warm[9] / 1_000_000);
    }
}
