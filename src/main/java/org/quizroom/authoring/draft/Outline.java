package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * The notes cut into sections at their headings, clutter removed. A heading with nothing under it
 * (a page banner, a heading directly above another) makes no section; blocks before the first
 * heading form a section named after the notes' title.
 *
 * <p>The title is what the document marks as its title, never just its first heading (that is a
 * section's name): a Word "Title" paragraph (level 0), else the document's only level-1 heading
 * (Markdown {@code #} or {@code ===}, Word "Heading 1"; several of them are sections), else the
 * fallback the caller gives (the uploaded file's name, or {@link DraftGenerator#UNTITLED}). Plain
 * text and PDF carry no heading levels, so their title is the file's name.
 */
record Outline(String title, List<Section> sections) {

    /** One heading and the blocks under it; {@code index} counts from 0 in document order. */
    record Section(int index, String heading, List<NotesBlock> blocks) {
    }

    static Outline of(List<NotesBlock> raw, String fallbackTitle) {
        List<NotesBlock> blocks = Clutter.drop(raw);
        List<String> headings = new ArrayList<>();
        List<List<NotesBlock>> bodies = new ArrayList<>();
        String current = null;
        List<NotesBlock> body = new ArrayList<>();
        for (NotesBlock b : blocks) {
            if (b.kind() == NotesBlock.Kind.HEADING) {
                if (!body.isEmpty()) {
                    headings.add(current);
                    bodies.add(body);
                }
                current = b.text();
                body = new ArrayList<>();
            } else {
                body.add(b);
            }
        }
        if (!body.isEmpty()) {
            headings.add(current);
            bodies.add(body);
        }
        String title = titleOf(blocks, fallbackTitle);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            String heading = headings.get(i) == null ? title : headings.get(i);
            sections.add(new Section(sections.size(), Text.cut(heading, 80), List.copyOf(bodies.get(i))));
        }
        return new Outline(Text.cut(title, 80), List.copyOf(sections));
    }

    private static String titleOf(List<NotesBlock> blocks, String fallbackTitle) {
        List<NotesBlock> headings = blocks.stream().filter(b -> b.kind() == NotesBlock.Kind.HEADING).toList();
        for (NotesBlock h : headings) {
            if (h.level() == 0) {
                return h.text();
            }
        }
        List<NotesBlock> top = headings.stream().filter(h -> h.level() == 1).toList();
        return top.size() == 1 ? top.get(0).text() : fallbackTitle;
    }
}
