package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizroom.quiz.QuestionType;

/**
 * Notes in, draft quiz out: read → drop clutter → sections → facts → every rule → rank → YAML.
 * Offline and deterministic: no network, no randomness, no clock; the same notes give the same
 * draft byte for byte. Thread-safe (no shared mutable state).
 */
public final class DraftGenerator {

    /** Questions proposed by default (the issue asks for about 30). */
    public static final int DEFAULT_TARGET = 30;

    private static final List<Rule> RULES = List.of(new TermRule(), new DefinitionRule(), new YearRule(),
            new TimelineRule(), new NameRule(), new StatementRule(), new PromptRule(), new StepsRule());

    private final NotesReader reader;
    private final int target;

    /**
     * @param maxBytes largest upload accepted, in bytes
     * @param target   questions to propose (the rest go to "more")
     */
    public DraftGenerator(long maxBytes, int target) {
        this.reader = new NotesReader(maxBytes);
        this.target = target;
    }

    /**
     * Makes a draft from an uploaded file.
     *
     * @param fileName the upload's name (decides Markdown for .md; PDF/.docx are recognised by content)
     * @param bytes    the file
     * @throws NotesException when the file cannot be read or yields no question
     */
    public Draft fromFile(String fileName, byte[] bytes) {
        return generate(reader.read(fileName, bytes), titleFrom(fileName));
    }

    /** Makes a draft from pasted text. @throws NotesException as {@link #fromFile} */
    public Draft fromText(String text) {
        return generate(reader.readText(text), "Notes");
    }

    /** The rules' candidates for some notes, before ranking (for tests and the "more" list). */
    static List<Candidate> candidates(Notes notes) {
        List<Candidate> all = new ArrayList<>();
        for (Rule rule : RULES) {
            all.addAll(rule.apply(notes));
        }
        return all;
    }

    Draft generate(List<NotesBlock> blocks, String fallbackTitle) {
        Outline outline = Outline.of(blocks, fallbackTitle);
        if (outline.sections().isEmpty()) {
            throw new NotesException("NOTES_NO_TEXT", "No text was found in the notes after removing page clutter.");
        }
        Notes notes = Notes.of(outline);
        List<Candidate> all = candidates(notes);
        Ranker.Selection selection = Ranker.select(all, outline.sections().size(), target);
        if (selection.proposed().isEmpty()) {
            throw new NotesException("NOTES_NO_QUESTIONS", "No questions could be made from these notes. Drafts come"
                    + " from headings, 'Term: description' bullets, dates, names and full sentences.");
        }
        List<Draft.DraftQuestion> proposed = new ArrayList<>();
        for (Candidate c : selection.proposed()) {
            proposed.add(toDraft("q" + (proposed.size() + 1), c));
        }
        List<Draft.DraftQuestion> more = new ArrayList<>();
        for (Candidate c : selection.more()) {
            more.add(toDraft("m" + (more.size() + 1), c));
        }
        List<Draft.SectionSummary> sections = new ArrayList<>();
        for (Outline.Section s : outline.sections()) {
            int kept = (int) selection.proposed().stream().filter(c -> c.sectionIndex() == s.index()).count();
            int found = (int) all.stream().filter(c -> c.sectionIndex() == s.index()).count();
            sections.add(new Draft.SectionSummary(s.heading(), kept, found));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (QuestionType type : QuestionType.values()) {
            int n = (int) selection.proposed().stream().filter(c -> c.type() == type).count();
            if (n > 0) {
                counts.put(type.wireName(), n);
            }
        }
        Map<String, Object> quiz = DraftYaml.quiz(outline.title(), proposed.stream().map(Draft.DraftQuestion::question).toList());
        return new Draft(outline.title(), sections, proposed, more, counts, quiz, DraftYaml.write(quiz));
    }

    private static Draft.DraftQuestion toDraft(String id, Candidate c) {
        return new Draft.DraftQuestion(id, "draft", c.section(), c.source(), c.rule(),
                Math.round(c.score() * 100) / 100.0, c.toQuizMap());
    }

    private static String titleFrom(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "Notes";
        }
        String base = fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\.[^.]*$", "").replaceAll("[_-]+", " ").strip();
        return base.isEmpty() ? "Notes" : Text.capitalise(base);
    }
}
