package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain text and Markdown notes into blocks by their structure: Markdown {@code #} and
 * underlined headings, bullets ({@code •}, {@code -}, {@code *} …), numbered steps, section numbers
 * such as {@code 2.1.3}, and short title-case lines followed by more text. Lines wrapped by an
 * editor or a PDF are joined back into one paragraph. Nothing here knows any subject's words.
 */
final class TextNotes {

    private static final Pattern MD_HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^(={3,}|-{3,})\\s*$");
    private static final Pattern BULLET = Pattern.compile("^[•\\-*·▪◦‣●○■□➢►–]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3}|[a-z])[.)]\\s+(.*)$");
    private static final Pattern SECTION_NUMBER = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})+)\\.?\\s+(.*)$");
    private static final Pattern BOLD_LINE = Pattern.compile("^(\\*\\*|__)(.+?)\\1:?$");
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__|`)");

    private TextNotes() {
    }

    static List<NotesBlock> read(String text, boolean markdown) {
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].replace('\u00A0', ' ').replace('\t', ' ').strip();
            String next = i + 1 < raw.length ? raw[i + 1].strip() : "";
            lines.add(classify(line, next, markdown || looksLikeMarkdown(line)));
            if (lines.get(lines.size() - 1).setext) {
                i++; // the underline itself
            }
        }
        // A heading candidate is a heading only if something follows it.
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.kind == null && line.headingCandidate && !FaqLabels.labelled(line.text)) {
                Line next = nextNonBlank(lines, i);
                if (next != null && Text.isHeadingLike(line.text)) {
                    line.kind = NotesBlock.Kind.HEADING;
                } else if (next != null && introducesFaq(line.text, next.text)) {
                    line.kind = NotesBlock.Kind.HEADING;
                    line.text = Text.stripEnd(line.text);
                }
            }
        }
        List<NotesBlock> blocks = new ArrayList<>();
        Line previous = null;
        for (Line line : lines) {
            if (line.text.isEmpty()) {
                previous = null;
                continue;
            }
            if (line.kind == null) {
                // A wrapped line continues the paragraph or bullet before it.
                if (previous != null && continues(previous.text, line.text)
                        && previous.kind != NotesBlock.Kind.HEADING && !FaqLabels.labelled(line.text)) {
                    NotesBlock last = blocks.remove(blocks.size() - 1);
                    previous.text = previous.text + " " + line.text;
                    blocks.add(new NotesBlock(last.kind(), last.level(), previous.text));
                    continue;
                }
                line.kind = NotesBlock.Kind.PARAGRAPH;
            }
            blocks.add(new NotesBlock(line.kind, line.kind == NotesBlock.Kind.HEADING ? line.level : 0, line.text));
            previous = line;
        }
        return blocks;
    }

    /**
     * A short line over a labelled question ("Frequently asked questions", "Common questions:") is
     * that block's heading even in sentence case, which {@link Text#isHeadingLike} leaves to title case.
     */
    private static boolean introducesFaq(String line, String next) {
        String t = line.strip();
        int words = Text.words(t).size();
        return FaqLabels.question(next) != null && words >= 1 && words <= 6 && Character.isUpperCase(t.codePointAt(0))
                && (t.endsWith(":") || !Text.endsSentence(t)) && !t.endsWith("?");
    }

    private static boolean continues(String previous, String line) {
        if (Text.endsSentence(previous)) {
            return false;
        }
        // Wrapped text: the earlier line is long, or this one carries on in lower case.
        return previous.length() >= 40 || Character.isLowerCase(line.codePointAt(0));
    }

    private static Line nextNonBlank(List<Line> lines, int from) {
        for (int j = from + 1; j < lines.size(); j++) {
            if (!lines.get(j).text.isEmpty()) {
                return lines.get(j);
            }
        }
        return null;
    }

    private static boolean looksLikeMarkdown(String line) {
        return MD_HEADING.matcher(line).matches();
    }

    private static Line classify(String line, String next, boolean markdown) {
        Line out = new Line();
        if (markdown) {
            line = MD_IMAGE.matcher(line).replaceAll("");
            line = MD_LINK.matcher(line).replaceAll("$1");
            Matcher bold = BOLD_LINE.matcher(line);
            if (bold.matches()) {
                out.text = clean(bold.group(2));
                out.headingCandidate = true;
                out.level = 3;
                return out;
            }
            Matcher heading = MD_HEADING.matcher(line);
            if (heading.matches()) {
                out.text = clean(heading.group(2));
                out.kind = out.text.isEmpty() ? null : NotesBlock.Kind.HEADING;
                out.level = heading.group(1).length();
                return out;
            }
            if (!line.isEmpty() && SETEXT.matcher(next).matches() && !BULLET.matcher(line).matches()) {
                out.text = clean(line);
                out.kind = NotesBlock.Kind.HEADING;
                out.level = next.startsWith("=") ? 1 : 2;
                out.setext = true;
                return out;
            }
        }
        Matcher bullet = BULLET.matcher(line);
        if (bullet.matches()) {
            out.text = clean(bullet.group(1));
            out.kind = NotesBlock.Kind.BULLET;
            return out;
        }
        Matcher section = SECTION_NUMBER.matcher(line);
        if (section.matches() && Text.isHeadingLike(section.group(2))) {
            out.text = clean(section.group(2));
            out.headingCandidate = true;
            out.level = section.group(1).split("\\.").length;
            return out;
        }
        Matcher numbered = NUMBERED.matcher(line);
        if (numbered.matches() && !Text.isHeadingLike(numbered.group(2))) {
            out.text = clean(numbered.group(2));
            out.kind = NotesBlock.Kind.NUMBERED;
            return out;
        }
        out.text = clean(numbered.matches() ? numbered.group(2) : line);
        out.headingCandidate = true;
        out.level = 2;
        return out;
    }

    private static String clean(String text) {
        return MD_EMPHASIS.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    private static final class Line {
        String text = "";
        NotesBlock.Kind kind;
        int level;
        boolean headingCandidate;
        boolean setext;
    }
}
