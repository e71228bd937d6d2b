package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.quizroom.quiz.QuestionType;

/**
 * The notes' own practice or essay questions (a one-sentence paragraph ending in "?" or starting
 * with a command word such as Assess, Evaluate, Explain, Discuss, "To what extent") → {@code poll}
 * discussion prompts with a scale that fits the command (impact, effectiveness, agreement). A
 * question the notes answer in a labelled FAQ pair is no prompt: {@link FaqRule} asks it.
 */
final class PromptRule implements Rule {

    private static final Pattern COMMAND = Pattern.compile("(?i)^(assess|evaluate|explain|discuss|describe|compare|"
            + "contrast|analyse|analyze|examine|consider|outline|justify|to what extent|how far|why|how|what|which|"
            + "should|do you|would|predict|suggest|argue)\\b");
    private static final Pattern IMPACT = Pattern.compile("(?i)\\b(impact|effect|influence|significan|importan|role|consequence)");
    private static final Pattern EFFECTIVE = Pattern.compile("(?i)\\b(effective|success|succeed|work)");
    private static final Pattern AGREE = Pattern.compile("(?i)(to what extent|how far|agree|should|do you)");

    @Override
    public String name() {
        return "prompt";
    }

    @Override
    public List<Candidate> apply(Notes notes) {
        List<Candidate> out = new ArrayList<>();
        for (Notes.Sentence s : notes.sentences) {
            String text = s.text().strip();
            // An FAQ's question comes with its answer: it is asked by FaqRule, not opened for discussion.
            if (s.faq() != null || s.blockKind() == NotesBlock.Kind.HEADING || !s.wholeBlock() || Text.words(text).size() < 6
                    || !(text.endsWith("?") || COMMAND.matcher(text).find() && s.blockKind() == NotesBlock.Kind.PARAGRAPH)) {
                continue;
            }
            if (!text.endsWith("?") && !COMMAND.matcher(text).find()) {
                continue;
            }
            String stem = Text.cut(text, MAX_STEM - 1);
            stem = stem.endsWith("?") || stem.endsWith("…") ? stem : stem + (text.endsWith("?") ? "?" : ".");
            out.add(new Candidate(name(), QuestionType.POLL, stem, choices(text), List.of(),
                    null, s.section().heading(), s.section().index(), s.position(), s.text(),
                    stem.endsWith("…") ? 1.5 : 2.8, List.of()));
        }
        return out;
    }

    /** Whether a sentence starts with an essay command word ("Assess …", "To what extent …"). */
    static boolean isCommand(String sentence) {
        return COMMAND_ONLY.matcher(sentence.strip()).find();
    }

    private static final Pattern COMMAND_ONLY = Pattern.compile("(?i)^(assess|evaluate|explain|discuss|describe|compare|"
            + "contrast|analyse|analyze|examine|consider|outline|justify|to what extent|how far|predict|suggest|argue)\\b");

    static List<String> choices(String prompt) {
        if (EFFECTIVE.matcher(prompt).find()) {
            return List.of("Very effective", "Partly effective", "Not effective", "Not sure yet");
        }
        if (IMPACT.matcher(prompt).find()) {
            return List.of("A major impact", "A moderate impact", "A minor impact", "Not sure yet");
        }
        if (AGREE.matcher(prompt).find()) {
            return List.of("Strongly agree", "Agree", "Disagree", "Strongly disagree");
        }
        return List.of("I could answer this now", "I need my notes", "Not sure where to start");
    }
}
