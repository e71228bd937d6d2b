package org.quizroom.authoring.draft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Notes files in every input format with and without a title of their own, and the draft title
 * each must get: the document's title (Word "Title", its only {@code #}/Heading 1), else the file's
 * name; a section heading is never the title. Shared by the API and the command-line tests.
 */
final class TitleCases {

    private TitleCases() {
    }

    /** Two sections of notes that yield questions, each heading written after {@code h2} ("## " or ""). */
    static String photosynthesis(String h2) {
        return h2 + """
                Photosynthesis basics

                Plants make glucose from carbon dioxide and water using light energy captured by chlorophyll in the chloroplasts.

                - Chlorophyll: the green pigment that absorbs mostly red and blue light.
                - Stomata: tiny pores on the underside of leaves that let gases in and out.
                - Glucose: the sugar made in photosynthesis and used for respiration and growth.

                """ + h2 + """
                Limiting factors

                The rate of photosynthesis depends on light intensity, carbon dioxide concentration and temperature.
                Jan Ingenhousz showed in 1779 that plants need light to make food.

                - Light intensity: more light raises the rate until another factor limits it.
                - Temperature: enzymes work faster when warm but are denatured above about 45 degrees.
                """;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** (file name, content, expected title, a section heading the draft must still have). */
    static Stream<Arguments> files() {
        try {
            return Stream.of(
                    Arguments.of("biology-week-3.md", utf8(photosynthesis("## ")), "Biology week 3", "Photosynthesis basics"),
                    Arguments.of("biology-week-3.md", utf8("# Plant Biology\n\n" + photosynthesis("## ")), "Plant Biology",
                            "Photosynthesis basics"),
                    Arguments.of("cells_revision.txt", utf8(photosynthesis("").replace("Photosynthesis basics",
                            "Photosynthesis Basics").replace("Limiting factors", "Limiting Factors")), "Cells revision",
                            "Photosynthesis Basics"),
                    Arguments.of("acids.docx", TestDocuments.wordNotes("Title: Acids and Alkalis", "H1: Indicators",
                            "Indicators are dyes whose colour shows whether a solution is acidic or alkaline.",
                            "Robert Boyle described in 1664 how plant dyes change colour in acids.",
                            "H1: Neutralisation",
                            "Neutralisation is the reaction of an acid with a base to give a salt and water.",
                            "Svante Arrhenius proposed in 1884 that acids release hydrogen ions in water."),
                            "Acids and Alkalis", "Indicators"),
                    Arguments.of("chemistry-handout.docx", TestDocuments.wordNotes("H1: Indicators",
                            "Indicators are dyes whose colour shows whether a solution is acidic or alkaline.",
                            "Robert Boyle described in 1664 how plant dyes change colour in acids.",
                            "H1: Neutralisation",
                            "Neutralisation is the reaction of an acid with a base to give a salt and water.",
                            "Svante Arrhenius proposed in 1884 that acids release hydrogen ions in water."),
                            "Chemistry handout", "Indicators"),
                    Arguments.of("rivers-unit-2.pdf", TestDocuments.pdf(1), "Rivers unit 2", "Rivers and Erosion 1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pasted notes (no file name): (content, expected title). */
    static Stream<Arguments> pasted() {
        return Stream.of(
                Arguments.of(photosynthesis("## "), DraftGenerator.UNTITLED),
                Arguments.of("# Plant Biology\n\n" + photosynthesis("## "), "Plant Biology"));
    }
}
