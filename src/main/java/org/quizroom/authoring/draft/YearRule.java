package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizroom.quiz.QuestionType;

/**
 * Years and year ranges → {@code number} questions (tolerance 0). The event is the name or
 * "the …" phrase just before "in/of/from 1955"; "In which year was the Geneva Summit?". A range
 * ("from 1958 to 1961") asks when it began and when it ended. A year with no event phrase becomes
 * a gap-fill quoting the clause.
 */
final class YearRule implements Rule {

    static final Pattern YEAR = Pattern.compile("(?<![\\d,.])(1[0-9]{3}|20[0-9]{2})(?![\\d]|s\\b|’s|'s)");
    private static final Pattern RANGE = Pattern.compile(
            "(?:from|between)\\s+(1[0-9]{3}|20[0-9]{2})\\s+(?:to|and|until|till)\\s+(1[0-9]{3}|20[0-9]{2})"
                    + "|\\(?(1[0-9]{3}|20[0-9]{2})\\s*[–—-]\\s*(1[0-9]{3}|20[0-9]{2}|[0-9]{2})\\)?");
    private static final Pattern LINK = Pattern.compile("(?i)\\s*(?:\\(|\\b(?:in|of|from|during|between|by|on|around|c\\.|circa))\\s*$");
    private static final Pattern THE_PHRASE = Pattern.compile(
            "(?:^|\\s)((?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\\s+[^,;:()]{2,60})$");

    /** A dated event: its label as a noun phrase ("the Geneva Summit"), years, and where it was found. */
    record Dated(String phrase, int year, Integer endYear, Notes.Sentence sentence) {
        String label() {
            String p = Text.withoutArticle(phrase);
            return Text.capitalise(Text.cut(p, 60));
        }
    }

    @Override
    public String name() {
        return "year";
    }

    @Override
    public List<Candidate> apply(Notes notes) {
        List<Candidate> out = new ArrayList<>();
        for (Notes.Sentence s : notes.sentences) {
            if (s.blockKind() == NotesBlock.Kind.HEADING || s.asksFaq()) {
                continue; // an FAQ's question states nothing to date
            }
            List<Dated> dated = find(s, notes);
            List<Integer> covered = new ArrayList<>();
            for (Dated d : dated) {
                covered.add(d.year());
                String subject = d.phrase().toLowerCase(Locale.ROOT).startsWith("the ") ? "the" + d.phrase().substring(3)
                        : d.phrase();
                if (d.endYear() != null) {
                    covered.add(d.endYear());
                    out.add(number(s, "In which year did " + subject + " begin?", d.year(),
                            Text.capitalise(Text.withoutArticle(d.phrase()).equals(d.phrase()) ? d.phrase()
                                    : "The " + Text.withoutArticle(d.phrase())) + " ran from " + d.year() + " to "
                                    + d.endYear() + ".", 3.5));
                    out.add(number(s, "In which year did " + subject + " end?", d.endYear(),
                            Text.capitalise(subject) + " ran from " + d.year() + " to " + d.endYear() + ".", 3.0));
                } else {
                    out.add(number(s, "In which year was " + subject + "?", d.year(),
                            Text.capitalise(subject) + " was in " + d.year() + ".", 3.5));
                }
            }
            Matcher m = YEAR.matcher(s.text());
            while (m.find()) {
                int year = Integer.parseInt(m.group(1));
                if (covered.contains(year)) {
                    continue;
                }
                covered.add(year);
                String gap = s.text().substring(0, m.start()) + "____" + s.text().substring(m.end());
                String window = window(gap, m.start(), 90);
                out.add(number(s, "Which year fills the gap? “" + window + "”", year,
                        Text.cut(s.text(), 200) + (Text.endsSentence(s.text()) ? "" : "."), 1.9));
            }
        }
        return out;
    }

    private Candidate number(Notes.Sentence s, String stem, int year, String explanation, double score) {
        String text = stem.length() <= MAX_STEM ? stem : Text.cut(stem, MAX_STEM - 1) + "?";
        return new Candidate(name(), QuestionType.NUMBER, text, List.of(), List.of(Integer.toString(year)),
                explanation, s.section().heading(), s.section().index(), s.position(), s.text(),
                score - (text.length() > 90 ? 0.5 : 0), List.of(Integer.toString(year)));
    }

    /**
     * Every year a sentence names, in order and once each: plain years and both ends of a range,
     * a range's short end expanded ("1950–53" gives 1950 and 1953).
     */
    static List<Integer> yearsIn(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher r = RANGE.matcher(text);
        while (r.find()) {
            int from = Integer.parseInt(r.group(1) != null ? r.group(1) : r.group(3));
            String toText = r.group(2) != null ? r.group(2) : r.group(4);
            int to = toText.length() == 2 ? from / 100 * 100 + Integer.parseInt(toText) : Integer.parseInt(toText);
            for (int y : new int[] {from, to}) {
                if (!out.contains(y)) {
                    out.add(y);
                }
            }
        }
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (!out.contains(y)) {
                out.add(y);
            }
        }
        return out;
    }

    /** Whether the year starting at {@code at} is an end of a range ("from 1950 to 1953", "1950–53"). */
    static boolean inRange(String text, int at) {
        Matcher r = RANGE.matcher(text);
        while (r.find()) {
            if (at >= r.start() && at < r.end()) {
                return true;
            }
        }
        return false;
    }

    /** The events with a year in one sentence, first to last. */
    static List<Dated> find(Notes.Sentence s, Notes notes) {
        String text = s.text();
        Map<Integer, Dated> found = new LinkedHashMap<>();
        Matcher r = RANGE.matcher(text);
        while (r.find()) {
            int from = Integer.parseInt(r.group(1) != null ? r.group(1) : r.group(3));
            String toText = r.group(2) != null ? r.group(2) : r.group(4);
            int to = toText.length() == 2 ? from / 100 * 100 + Integer.parseInt(toText) : Integer.parseInt(toText);
            String phrase = phraseBefore(text.substring(0, r.start()) + " in ", notes);
            if (phrase != null && to > from) {
                found.put(r.start(), new Dated(phrase, from, to, s));
            }
        }
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            boolean inRange = found.keySet().stream().anyMatch(k -> m.start() >= k && m.start() < k + 30);
            if (inRange) {
                continue;
            }
            String phrase = phraseBefore(text.substring(0, m.start()), notes);
            if (phrase != null) {
                found.put(m.start(), new Dated(phrase, Integer.parseInt(m.group(1)), null, s));
            }
        }
        return List.copyOf(found.values());
    }

    /** The event named just before "in/of/from YEAR", or null. */
    private static String phraseBefore(String before, Notes notes) {
        Matcher link = LINK.matcher(before);
        if (!link.find()) {
            return null;
        }
        String head = before.substring(0, link.start());
        int clause = Math.max(Math.max(head.lastIndexOf(','), head.lastIndexOf(';')),
                Math.max(head.lastIndexOf(':'), head.lastIndexOf('(')));
        head = head.substring(clause + 1).strip();
        if (head.isEmpty()) {
            return null;
        }
        // A capitalised name ending right there ("the Geneva Summit of 1955").
        List<Notes.Mention> mentions = Notes.mentions(head);
        if (!mentions.isEmpty()) {
            Notes.Mention last = mentions.get(mentions.size() - 1);
            Notes.Entity entity = notes.entityOf(last.name());
            boolean person = entity != null && entity.kind() == Notes.Kind.PERSON;
            // "… evidence gathered by X in 1610": a name after "by" did the dated thing, it is not the
            // event; the phrase from "the" below asks about the thing instead.
            boolean agent = head.substring(0, Math.max(0, head.length() - last.name().length())).stripTrailing()
                    .toLowerCase(Locale.ROOT).endsWith(" by");
            if (last.end() == head.length() && !person && !agent
                    && (Text.words(last.name()).size() >= 2 || entity != null)) {
                // Named events and organisations read with "the" ("the Geneva Summit"), places without.
                boolean place = entity != null && entity.kind() == Notes.Kind.PLACE;
                return (place ? "" : "the ") + last.name();
            }
        }
        // "The death of X in 1953", "the U-2 incident in 1960": a short phrase from a determiner.
        Matcher the = THE_PHRASE.matcher(head);
        if (the.find()) {
            String phrase = the.group(1).strip();
            List<String> words = Text.words(phrase);
            boolean named = words.stream().skip(1).anyMatch(w -> Character.isUpperCase(w.codePointAt(0))
                    || Character.isDigit(w.codePointAt(0)));
            if (words.size() <= 6 && named && !phrase.matches("(?i).*\\b(was|were|is|are|saw|had|has|led|did)\\b.*")) {
                return phrase;
            }
        }
        return null;
    }

    /** About {@code max} characters of text around position {@code at}, cut at word boundaries. */
    static String window(String text, int at, int max) {
        if (text.length() <= max) {
            return Text.stripEnd(text);
        }
        int start = Math.max(0, Math.min(at - max / 2, text.length() - max));
        int end = Math.min(text.length(), start + max);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space >= 0 && space < at ? space + 1 : start;
        }
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > at ? space : end;
        }
        return (start > 0 ? "…" : "") + Text.stripEnd(text.substring(start, end)) + (end < text.length() ? "…" : "");
    }
}
