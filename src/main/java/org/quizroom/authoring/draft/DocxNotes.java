package org.quizroom.authoring.draft;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads Word .docx notes with Apache POI (XWPF). Headings come from Word's heading styles
 * ("Heading 1" … as levels 1 …, and "Title" as level 0, the document's title); list paragraphs become bullets or numbered steps; a table becomes
 * one {@code first cell: other cells} bullet per row, labelled by the header row. Documents without
 * any heading style fall back to the plain-text shape rules.
 *
 * <p>Zip-bomb limits (POI's ZipSecureFile, process-wide): an entry may not inflate more than 100×
 * its compressed size, nor past 50 MB, nor hold more than 10 million characters of text.
 */
final class DocxNotes {

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(10_000_000L);
    }

    private DocxNotes() {
    }

    static List<NotesBlock> read(byte[] bytes) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<NotesBlock> blocks = new ArrayList<>();
            boolean styled = false;
            StringBuilder plain = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    String text = p.getText().replace('\u00A0', ' ').strip();
                    if (text.isEmpty()) {
                        plain.append('\n');
                        continue;
                    }
                    int level = headingLevel(doc, p);
                    if (level >= 0) {
                        styled = true;
                        blocks.add(NotesBlock.heading(level, text));
                    } else if (p.getNumID() != null) {
                        String format = p.getNumFmt() == null ? "" : p.getNumFmt().toLowerCase(Locale.ROOT);
                        boolean numbered = format.contains("decimal") || format.contains("letter") || format.contains("roman");
                        blocks.add(NotesBlock.of(numbered ? NotesBlock.Kind.NUMBERED : NotesBlock.Kind.BULLET, text));
                    } else {
                        blocks.add(NotesBlock.of(NotesBlock.Kind.PARAGRAPH, text));
                    }
                    plain.append(p.getNumID() != null ? "• " : "").append(text).append("\n\n");
                } else if (element instanceof XWPFTable table) {
                    for (String row : rows(table)) {
                        blocks.add(NotesBlock.of(NotesBlock.Kind.BULLET, row));
                        plain.append("• ").append(row).append('\n');
                    }
                    plain.append('\n');
                }
            }
            return styled ? blocks : TextNotes.read(plain.toString(), false);
        } catch (IOException | RuntimeException e) {
            if (e instanceof NotesException ne) {
                throw ne;
            }
            String why = e.getMessage() != null && e.getMessage().contains("Zip bomb")
                    ? " It expands to far more than its size (a possible zip bomb)." : "";
            throw new NotesException("DOCX_UNREADABLE", "This Word file could not be read." + why
                    + " Save it again as .docx, or paste the text.", e);
        }
    }

    /** 0 for the "Title" style, 1–9 for "Heading N", -1 for any other paragraph. */
    private static int headingLevel(XWPFDocument doc, XWPFParagraph p) {
        String id = p.getStyleID();
        if (id == null) {
            return -1;
        }
        String name = id;
        XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
        if (style != null && style.getName() != null) {
            name = style.getName();
        }
        String n = name.toLowerCase(Locale.ROOT).replace(" ", "");
        if (n.equals("title")) {
            return 0;
        }
        if (n.startsWith("heading") && n.length() > 7 && Character.isDigit(n.charAt(7)) && n.charAt(7) != '0') {
            return n.charAt(7) - '0';
        }
        return -1;
    }

    /** Table rows as "first cell: header2 cell2; header3 cell3" (the header row itself is skipped). */
    private static List<String> rows(XWPFTable table) {
        List<String> out = new ArrayList<>();
        List<XWPFTableRow> rows = table.getRows();
        if (rows.size() < 2) {
            return out;
        }
        List<String> header = rows.get(0).getTableCells().stream().map(c -> c.getText().strip()).toList();
        for (XWPFTableRow row : rows.subList(1, rows.size())) {
            List<String> cells = row.getTableCells().stream().map(c -> c.getText().strip()).toList();
            if (cells.size() < 2 || cells.get(0).isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder(cells.get(0)).append(": ");
            if (cells.size() == 2) {
                line.append(cells.get(1));
            } else {
                List<String> parts = new ArrayList<>();
                for (int i = 1; i < cells.size(); i++) {
                    String label = i < header.size() ? header.get(i) : "";
                    parts.add((label.isEmpty() ? "" : label.toLowerCase(Locale.ROOT) + " ") + cells.get(i));
                }
                line.append(Text.capitalise(String.join("; ", parts)));
            }
            out.add(line.toString());
        }
        return out;
    }
}
