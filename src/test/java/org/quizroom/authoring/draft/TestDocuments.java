package org.quizroom.authoring.draft;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Notes files made on the fly: a Word chemistry handout and PDFs, so no binary is committed. */
final class TestDocuments {

    private TestDocuments() {
    }

    /** A .docx with Title/Heading styles, a bulleted Term: description list and a table. */
    static byte[] chemistryHandout() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            for (int level = 1; level <= 2; level++) {
                CTStyle style = CTStyle.Factory.newInstance();
                style.setStyleId("Heading" + level);
                style.addNewName().setVal("heading " + level);
                style.setType(STStyleType.PARAGRAPH);
                styles.addStyle(new XWPFStyle(style));
            }
            heading(doc, 1, "Acids and Alkalis");
            para(doc, "Acids and alkalis are everyday chemicals; the pH scale measures how acidic or alkaline a solution is.");
            para(doc, "A neutral solution has a pH of exactly 7 at room temperature.");
            heading(doc, 2, "Indicators");
            XWPFNumbering numbering = doc.createNumbering();
            var abstractNum = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum.Factory.newInstance();
            abstractNum.setAbstractNumId(BigInteger.ZERO);
            var lvl = abstractNum.addNewLvl();
            lvl.setIlvl(BigInteger.ZERO);
            lvl.addNewNumFmt().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.BULLET);
            lvl.addNewLvlText().setVal("•");
            BigInteger abstractId = numbering.addAbstractNum(new org.apache.poi.xwpf.usermodel.XWPFAbstractNum(abstractNum));
            BigInteger numId = numbering.addNum(abstractId);
            bullet(doc, numId, "Litmus: a dye from lichens that turns red in acid and blue in alkali.");
            bullet(doc, numId, "Phenolphthalein: colourless in acid and pink in alkali solutions.");
            bullet(doc, numId, "Universal indicator: a mixture of dyes that shows the whole pH range as a colour.");
            heading(doc, 2, "Common acids");
            para(doc, "The table lists acids met in the lab and at home.");
            var table = doc.createTable(4, 3);
            String[][] cells = {{"Acid", "Formula", "Found in"}, {"Hydrochloric acid", "HCl", "stomach"},
                    {"Sulfuric acid", "H2SO4", "car batteries"}, {"Citric acid", "C6H8O7", "lemons"}};
            for (int r = 0; r < cells.length; r++) {
                for (int c = 0; c < 3; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            heading(doc, 2, "Neutralisation");
            para(doc, "Neutralisation is the reaction of an acid with a base to give a salt and water.");
            para(doc, "Svante Arrhenius proposed in 1884 that acids release hydrogen ions in water.");
            para(doc, "Johannes Bronsted widened the definition in 1923 to any proton donor.");
            doc.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A .docx of lines: {@code "Title: …"} in Word's Title style, {@code "H1: …"}/{@code "H2: …"} in
     * Heading 1/2, anything else a plain paragraph.
     */
    static byte[] wordNotes(String... lines) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            for (String[] idName : new String[][] {{"Title", "Title"}, {"Heading1", "heading 1"}, {"Heading2", "heading 2"}}) {
                CTStyle style = CTStyle.Factory.newInstance();
                style.setStyleId(idName[0]);
                style.addNewName().setVal(idName[1]);
                style.setType(STStyleType.PARAGRAPH);
                styles.addStyle(new XWPFStyle(style));
            }
            for (String line : lines) {
                XWPFParagraph p = doc.createParagraph();
                if (line.startsWith("Title: ")) {
                    p.setStyle("Title");
                } else if (line.matches("H[12]: .*")) {
                    p.setStyle("Heading" + line.charAt(1));
                }
                p.createRun().setText(line.replaceFirst("^(Title|H[12]): ", ""));
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void heading(XWPFDocument doc, int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        p.createRun().setText(text);
    }

    private static void para(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    private static void bullet(XWPFDocument doc, BigInteger numId, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setNumID(numId);
        p.createRun().setText(text);
    }

    /** A PDF of {@code pages} pages of geography notes: a heading, bullets and paragraphs on each. */
    static byte[] pdf(int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int page = 1; page <= pages; page++) {
                PDPage p = new PDPage();
                doc.addPage(p);
                try (var content = new PDPageContentStream(doc, p)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(15);
                    content.newLineAtOffset(60, 740);
                    String[] lines = {
                            "Rivers and Erosion " + page, "",
                            "Rivers shape valleys by wearing away rock and carrying it downstream to the sea.",
                            "", "- Meander: a bend in a river that migrates across its flood plain over time.",
                            "- Delta: a landform of sediment built where a river meets still water.",
                            "- Oxbow lake: a curved lake left behind when a meander is cut off.", "",
                            "The Mississippi Flood of 1927 displaced hundreds of thousands of people.",
                            "The Yellow River Flood of 1887 is among the deadliest floods ever recorded.",
                            "The Johnstown Flood of 1889 followed the failure of the South Fork Dam.",
                            "Grove Karl Gilbert described river erosion in a report published in 1879.", "",
                            "Hydraulic Action", "",
                            "Hydraulic action is the force of moving water pushing air into cracks in the banks.",
                            "Abrasion happens when stones carried by the river scrape the bed and banks.",
                            "Attrition rounds and shrinks the stones as they knock against each other."};
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A one-page PDF holding only a picture, as a scanner makes. */
    static byte[] scannedPdf() throws IOException {
        try (PDDocument doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            var image2 = LosslessFactory.createFromImage(doc, image);
            try (var content = new PDPageContentStream(doc, page)) {
                content.drawImage(image2, 50, 500);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
