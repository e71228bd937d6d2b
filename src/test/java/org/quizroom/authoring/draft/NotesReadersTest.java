package org.quizroom.authoring.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Word and PDF notes made in the test with POI and PDFBox, read back into blocks and drafts. */
class NotesReadersTest {

    private final NotesReader reader = new NotesReader(1 << 20);

    @Test
    void wordHeadingStylesListsAndTablesBecomeBlocks() throws IOException {
        List<NotesBlock> blocks = reader.read("acids.docx", TestDocuments.chemistryHandout());
        assertThat(blocks).contains(NotesBlock.heading(1, "Acids and Alkalis"),
                NotesBlock.heading(2, "Indicators"), NotesBlock.heading(2, "Common acids"));
        assertThat(blocks).contains(NotesBlock.of(NotesBlock.Kind.BULLET, "Hydrochloric acid: Formula HCl; found in stomach"));
        assertThat(blocks).anyMatch(b -> b.kind() == NotesBlock.Kind.BULLET && b.text().startsWith("Litmus:"));
        Draft draft = new DraftGenerator(1 << 20, 30).fromFile("acids.docx", TestDocuments.chemistryHandout());
        assertThat(draft.sections()).extracting(Draft.SectionSummary::heading)
                .contains("Acids and Alkalis", "Indicators", "Common acids", "Neutralisation");
        assertThat(draft.questions()).anyMatch(q -> q.rule().equals("term")
                && q.question().get("answer").equals("Sulfuric acid"));
    }

    @Test
    void pdfTextIsReadWithHeadingsByShape() throws IOException {
        List<NotesBlock> blocks = reader.read("notes.pdf", TestDocuments.pdf(1));
        assertThat(blocks).contains(NotesBlock.heading(2, "Rivers and Erosion 1"));
        assertThat(blocks).anyMatch(b -> b.kind() == NotesBlock.Kind.BULLET && b.text().startsWith("Meander:"));
        assertThat(blocks).anyMatch(b -> b.kind() == NotesBlock.Kind.PARAGRAPH && b.text().contains("1879"));
    }

    @Test
    void aPdfWithoutATextLayerGetsAClearMessage() throws IOException {
        var error = catchThrowableOfType(NotesException.class, () -> reader.read("scan.pdf", TestDocuments.scannedPdf()));
        assertThat(error.code()).isEqualTo("PDF_NO_TEXT");
        assertThat(error.getMessage()).contains("no text layer").contains("does not read text from images");
    }

    @Test
    void oversizedAndDisguisedFilesAreRefused() throws IOException {
        var small = new NotesReader(100);
        assertThat(catchThrowableOfType(NotesException.class, () -> small.read("a.txt", new byte[101])).code())
                .isEqualTo("NOTES_TOO_LARGE");
        assertThat(catchThrowableOfType(NotesException.class, () -> reader.read("a.pdf", "hello".getBytes())).code())
                .isEqualTo("NOTES_NOT_TEXT");
        assertThat(catchThrowableOfType(NotesException.class, () -> reader.read("a.docx", "PK garbage".getBytes()))
                .code()).isEqualTo("DOCX_UNREADABLE");
    }

    @Test
    void aZipBombDisguisedAsWordIsRefused() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(new byte[20_000_000]); // zeros: compresses about 1000 to 1
            zip.closeEntry();
        }
        var error = catchThrowableOfType(NotesException.class, () -> reader.read("bomb.docx", bytes.toByteArray()));
        assertThat(error.code()).isEqualTo("DOCX_UNREADABLE");
        assertThat(error.getMessage()).contains("zip bomb");
    }
}
