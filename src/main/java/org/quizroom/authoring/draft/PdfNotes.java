package org.quizroom.authoring.draft;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads PDF notes with Apache PDFBox 3: the text layer, page by page, then the plain-text shape
 * rules (lines wrapped by the page are joined back). A scanned PDF with no text layer gets a
 * clear error; there is no OCR.
 */
final class PdfNotes {

    /** Pages read at most; notes are short and this bounds the work a hostile file can cause. */
    static final int MAX_PAGES = 200;

    private PdfNotes() {
    }

    static List<NotesBlock> read(byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int pages = doc.getNumberOfPages();
            if (pages > MAX_PAGES) {
                throw new NotesException("NOTES_TOO_LARGE", "The PDF has " + pages + " pages; at most " + MAX_PAGES
                        + " are read. Split it into lessons.");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            // The overlap check (for "fake bold" printed twice) compares every glyph with the glyphs
            // already on its line: the largest cost of extraction in DraftBench's profile. Notes are
            // exported from word processors, which do not print text twice.
            stripper.setSuppressDuplicateOverlappingText(false);
            stripper.setLineSeparator("\n");
            stripper.setParagraphStart("\n");
            String text = stripper.getText(doc);
            long letters = text.codePoints().filter(Character::isLetter).count();
            if (letters < 20L * Math.max(1, pages) && letters < 200) {
                throw new NotesException("PDF_NO_TEXT", "This PDF has no text layer (it looks scanned or is only"
                        + " pictures). Export the notes as text or Word, or use a PDF made from a document;"
                        + " Quizroom does not read text from images.");
            }
            return TextNotes.read(text, false);
        } catch (InvalidPasswordException e) {
            throw new NotesException("PDF_ENCRYPTED", "This PDF is protected with a password; save an unprotected copy.", e);
        } catch (IOException e) {
            throw new NotesException("PDF_UNREADABLE", "This PDF could not be read: " + e.getMessage(), e);
        }
    }
}
