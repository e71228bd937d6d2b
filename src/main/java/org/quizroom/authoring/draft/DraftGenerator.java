package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizroom.quiz.QuestionType;
import org.quizroom.quiz.QuizParser;
import org.quizroom.quiz.lint.LintWarning;
import org.quizroom.quiz.lint.QuizLinter;

/**
 * Notes in, draft quiz out: read → drop clutter → sections → facts → every rule → rank → YAML.
 * Offline and deterministic: no network, no randomness, no clock; the same notes give the same
 * draft byte for byte. Thread-safe (no shared mutable state).
 */
public final class DraftGenerator {

    /** Questions proposed by default (the issue asks for about 30). */
    public static final int DEFAULT_TARGET = 30;

    private static final List<Rule> RULES = List.of(new TermRule(), new DefinitionRule(), new YearRule(),
            new TimelineRule(), new NameRule(), new StatementRule(), new PromptRule(), new StepsRule(), new FaqRule());

    /**
     * The title of a draft whose notes mark no title and have no file name (pasted text). No date in
     * it: the same notes give the same draft; the teacher renames it in the editor.
     */
    public static final String UNTITLED = "Draft from notes";

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
        return generate(reader.readText(text), UNTITLED);
    }

    /**
     * Makes a draft from pasted notes (UTF-8 bytes), read as Markdown (plain text reads the same);
     * titled by a {@code #} heading in them, else {@link #UNTITLED}.
     *
     * @throws NotesException as {@link #fromFile}
     */
    public Draft fromPasted(byte[] bytes) {
        return generate(reader.read("pasted.md", bytes), UNTITLED);
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
        Ranker.Selection selection = selectLintClean(outline, all);
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

    /** Linter rules (issue 11) that must not fire on a proposed draft: it would hand answers out. */
    static final java.util.Set<String> BLOCKING_LINT = java.util.Set.of("give-away", "repeated-fact");

    /**
     * Ranks, then runs the quiz linter (issue 11) on the proposal exactly as it would be saved; a
     * question it reports as given away by an earlier one (or repeating a fact a third time) is
     * moved to "more" and the ranking is redone without it, at most eight times. The linter is
     * run on whole proposals rather than per candidate because it is the slow step.
     */
    private Ranker.Selection selectLintClean(Outline outline, List<Candidate> all) {
        List<Candidate> pool = new ArrayList<>(all);
        List<Candidate> banned = new ArrayList<>();
        Ranker.Selection selection = Ranker.select(pool, outline.sections().size(), target);
        for (int round = 0; round < 8; round++) {
            List<Candidate> offenders = lintOffenders(outline.title(), selection);
            if (offenders.isEmpty()) {
                break;
            }
            banned.addAll(offenders);
            pool.removeAll(offenders);
            selection = Ranker.select(pool, outline.sections().size(), target);
        }
        List<Candidate> more = new ArrayList<>(selection.more());
        banned.stream().sorted(Ranker.BEST_FIRST).forEach(more::add);
        return new Ranker.Selection(selection.proposed(), more, selection.chosen());
    }

    /** The questions the linter says are given away (the later of a pair) or repeat a fact (all but the first). */
    static List<Candidate> lintOffenders(String title, Ranker.Selection selection) {
        List<Candidate> proposed = selection.proposed();
        String yaml = DraftYaml.write(DraftYaml.quiz(title, proposed.stream().map(Candidate::toQuizMap).toList()));
        if (!(QuizParser.parse("draft", "draft.yaml", yaml) instanceof QuizParser.Parsed parsed)) {
            throw new IllegalStateException("a draft must load: " + ((QuizParser.Failed) QuizParser.parse("draft",
                    "draft.yaml", yaml)).problems());
        }
        List<Candidate> offenders = new ArrayList<>();
        for (LintWarning w : QuizLinter.lint(parsed.quiz())) {
            if (!BLOCKING_LINT.contains(w.rule())) {
                continue;
            }
            List<Integer> numbers = w.rule().equals("give-away") ? w.questions().subList(0, 1)
                    : w.questions().subList(1, w.questions().size());
            for (int number : numbers) {
                Candidate c = selection.chosen().get(number - 1);
                if (!offenders.contains(c)) {
                    offenders.add(c);
                }
            }
        }
        return offenders;
    }

    private static Draft.DraftQuestion toDraft(String id, Candidate c) {
        return new Draft.DraftQuestion(id, "draft", c.section(), c.source(), c.rule(),
                Math.round(c.score() * 100) / 100.0, c.toQuizMap());
    }

    /** The upload's file name without folders and extension, "_" and "-" as spaces: "cell-biology.md" → "Cell biology". */
    static String titleFrom(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return UNTITLED;
        }
        String base = fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\.[^.]*$", "").replaceAll("[_-]+", " ").strip();
        return base.isEmpty() ? UNTITLED : Text.capitalise(base);
    }
}
