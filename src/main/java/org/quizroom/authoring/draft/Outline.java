package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * The notes cut into sections at their headings, clutter removed. A heading with nothing under it
 * (a page banner, a heading directly above another) makes no section; blocks before the first
 * heading form a section named after the notes' title.
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
        String title = headings.stream().filter(h -> h != null).findFirst().orElse(fallbackTitle);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            String heading = headings.get(i) == null ? title : headings.get(i);
            sections.add(new Section(sections.size(), Text.cut(heading, 80), List.copyOf(bodies.get(i))));
        }
        return new Outline(Text.cut(title, 80), List.copyOf(sections));
    }
}
