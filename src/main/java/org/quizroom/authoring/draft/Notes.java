package org.quizroom.authoring.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts the rules work from, found once per notes: sentences with their section, {@code Term:
 * description} bullets, numbered step lists, FAQ pairs written with labels ("Q: …" then "A: …",
 * labels removed, see {@link FaqLabels}), and named things (people, places, organisations,
 * events, abbreviations) with their kind. Kinds come from the shape of the text: a full name whose
 * last word is used alone elsewhere is a person; a name ending in an event word (War, Crisis,
 * Treaty …) is an event, in an organisation word (Nations, Party, Movement …) an organisation;
 * a name after "in", "to", "from", "like" … a place; all-capital words are abbreviations.
 */
final class Notes {

    enum Kind {
        PERSON("Who"), PLACE("Which place"), ORGANISATION("Which organisation"), EVENT("Which event"),
        ABBREVIATION("Which abbreviation");

        final String asks;

        Kind(String asks) {
            this.asks = asks;
        }
    }

    /**
     * A sentence of the notes: its text, section, block kind and position in document order; for a
     * sentence of a labelled FAQ pair, the pair and whether it is the question's (else the answer's).
     */
    record Sentence(String text, Outline.Section section, NotesBlock.Kind blockKind, int position,
                    boolean firstOfBlock, boolean wholeBlock, FaqPair faq, boolean faqQuestion) {

        /** Whether the sentence asks an FAQ pair's question: a question, not a claim of the notes. */
        boolean asksFaq() {
            return faq != null && faqQuestion;
        }

        /** Whether the sentence is part of an FAQ pair's answer. */
        boolean answersFaq() {
            return faq != null && !faqQuestion;
        }
    }

    /**
     * An FAQ question and its answer, written with labels ({@link FaqLabels}): texts without the
     * labels; {@code position} is the question's; {@code source} both, as the editor shows it.
     */
    record FaqPair(String question, String answer, Outline.Section section, int position, String source) {
    }

    /** A {@code Term: description} bullet (or a two-column table row). */
    record Term(String term, String description, Outline.Section section, int list, int position, String source) {
    }

    /** A run of numbered steps under one heading. */
    record Steps(Outline.Section section, List<String> steps, int position) {
    }

    /** A named thing and the other spellings it is mentioned by (a person's surname). */
    record Entity(String name, Kind kind, List<String> aliases, int firstPosition) {
    }

    private static final Pattern TERM = Pattern.compile("^([^:.!?]{2,70}?)\\s*[:–—]\\s+(.{12,})$");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");
    private static final Set<String> CONNECTORS = Set.of("of", "the", "de", "von", "van", "da", "del", "al", "bin", "la", "du");
    private static final Set<String> STARTERS = Set.copyOf(List.of("the", "a", "an", "this", "these", "that", "those", "in", "on",
            "during", "following", "after", "before", "despite", "both", "some", "other", "under", "his", "her",
            "its", "their", "however", "thus", "while", "when", "as", "at", "by", "for", "from", "with", "it",
            "there", "many", "most", "each", "every", "all", "then",
            "next", "finally", "also", "although", "because", "if", "since", "so", "such", "what", "which", "who",
            "why", "how", "where", "we", "they", "he", "she", "you", "i", "our", "your", "my", "no", "not", "to",
            "and", "but", "or", "is", "are", "was", "were", "be", "can", "may", "once", "unlike", "like", "until",
            "within", "without", "between", "among", "across", "through", "over", "into", "about", "around", "per",
            "later", "earlier", "today", "now", "soon", "meanwhile", "eventually", "instead", "still", "yet", "even",
            "only", "here", "finally", "again", "afterwards", "initially", "ultimately",
            // An FAQ's yes/no question opens with its verb ("Did China …"): not part of a name.
            "did", "does", "do", "has", "have", "had", "could", "would", "should", "must", "might"));
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday");
    private static final Set<String> EVENT_WORDS = Set.of("war", "crisis", "summit", "revolution", "treaty",
            "conference", "incident", "uprising", "rebellion", "battle", "agreement", "accord", "accords", "pact",
            "act", "split", "blockade", "invasion", "election", "reformation", "renaissance", "congress", "massacre",
            "olympics", "declaration", "plan", "campaign", "offensive", "landings", "expedition", "siege", "coup",
            "rising", "depression", "crash", "affair", "strike", "riots", "famine", "purge", "purges", "reforms",
            "settlement", "armistice", "ceasefire", "games", "exhibition", "festival", "era", "age", "period");
    private static final Set<String> ORG_WORDS = Set.of("nations", "movement", "party", "union", "organisation",
            "organization", "council", "company", "committee", "agency", "bank", "church", "league", "society",
            "institute", "university", "association", "army", "navy", "force", "court", "parliament", "assembly",
            "government", "federation", "alliance", "corporation", "commission", "office", "ministry", "department",
            "service", "foundation", "college", "school", "bureau", "group", "pact", "front", "congress", "railway",
            "railways", "airline", "airlines", "club", "press", "times", "trust", "guild", "dynasty", "empire");
    private static final Set<String> PLACE_WORDS = Set.of("canal", "river", "sea", "ocean", "mountains", "island",
            "islands", "bay", "lake", "valley", "desert", "city", "street", "road", "bridge", "square", "park",
            "county", "province", "states", "kingdom", "republic", "east", "west", "coast", "peninsula", "strait");
    private static final Set<String> PERSON_CUES = Set.of("under", "by", "leader", "president", "general", "king",
            "queen", "emperor", "pope", "sir", "dr", "professor", "minister", "chancellor", "premier", "chairman",
            "saint", "st", "lord", "lady", "prince", "princess", "tsar", "czar");
    private static final Set<String> PLACE_CUES = Set.of("in", "to", "from", "across", "into", "throughout", "near",
            "like", "including", "towards", "toward", "via", "around");

    final Outline outline;
    final List<Sentence> sentences = new ArrayList<>();
    final List<Term> terms = new ArrayList<>();
    final List<Steps> steps = new ArrayList<>();
    /** Labelled FAQ pairs ("Q: … / A: …") in document order. */
    final List<FaqPair> faqs = new ArrayList<>();
    final Map<String, Entity> entities = new LinkedHashMap<>();
    /** Names the notes give as one thing: "the Soviet Union (USSR)", "X, also known as Y" (both ways). */
    private final Map<String, Set<String>> synonyms = new LinkedHashMap<>();

    private Notes(Outline outline) {
        this.outline = outline;
    }

    static Notes of(Outline outline) {
        Notes notes = new Notes(outline);
        notes.collect();
        notes.findEntities();
        notes.findSynonyms();
        return notes;
    }

    private void collect() {
        int position = 0;
        int list = 0;
        for (Outline.Section section : outline.sections()) {
            NotesBlock.Kind previous = null;
            List<String> run = new ArrayList<>();
            int runStart = 0;
            List<NotesBlock> blocks = section.blocks();
            FaqPair answering = null; // the pair whose answer is the next block
            for (int b = 0; b < blocks.size(); b++) {
                NotesBlock block = blocks.get(b);
                position++;
                if (block.kind() != previous) {
                    list++;
                }
                if (block.kind() == NotesBlock.Kind.NUMBERED) {
                    if (run.isEmpty()) {
                        runStart = position;
                    }
                    run.add(block.text());
                } else if (!run.isEmpty()) {
                    steps.add(new Steps(section, List.copyOf(run), runStart));
                    run.clear();
                }
                previous = block.kind();
                String text = block.text();
                // A labelled FAQ: the question and its answer (the next block, or after "A:" in the same line).
                String question = FaqLabels.question(text);
                boolean asks = question != null;
                if (question == null && text.strip().endsWith("?") && b + 1 < blocks.size()
                        && FaqLabels.strictAnswer(blocks.get(b + 1).text()) != null) {
                    question = text.strip(); // an unlabelled question answered by "A: …"
                }
                String answer = answering != null ? FaqLabels.answer(text) : null;
                if (answer != null) {
                    addSentences(answer, section, block.kind(), position, answering, false);
                    answering = null;
                    continue;
                }
                answering = null;
                if (question != null) {
                    String[] inline = FaqLabels.splitInline(question);
                    String next = b + 1 < blocks.size() ? FaqLabels.answer(blocks.get(b + 1).text()) : null;
                    if (inline != null || next != null) {
                        String q = inline != null ? inline[0] : question;
                        String a = inline != null ? inline[1] : next;
                        FaqPair pair = new FaqPair(q, a, section, position, q + " " + a);
                        faqs.add(pair);
                        addSentences(q, section, block.kind(), position, pair, true);
                        if (inline != null) {
                            addSentences(a, section, block.kind(), position, pair, false);
                        } else {
                            answering = pair;
                        }
                        continue;
                    }
                }
                // A lone label ("Q: Explain why …" with no answer, a stray "A: …") is still layout, not text.
                String stray = FaqLabels.strictAnswer(text);
                text = asks ? question : stray != null ? stray : text;
                Matcher term = TERM.matcher(text);
                if (block.kind() != NotesBlock.Kind.PARAGRAPH && term.matches()
                        && Text.words(term.group(1)).size() <= 8 && !term.group(1).contains(",")) {
                    terms.add(new Term(Text.stripEnd(term.group(1)), term.group(2).strip(), section, list, position,
                            text));
                    text = term.group(2).strip();
                }
                addSentences(text, section, block.kind(), position, null, false);
            }
            if (!run.isEmpty()) {
                steps.add(new Steps(section, List.copyOf(run), runStart));
            }
        }
    }

    private void addSentences(String text, Outline.Section section, NotesBlock.Kind kind, int position, FaqPair faq,
                              boolean faqQuestion) {
        List<String> split = Text.sentences(text);
        for (int i = 0; i < split.size(); i++) {
            sentences.add(new Sentence(split.get(i), section, kind, position, i == 0, split.size() == 1, faq,
                    faqQuestion));
        }
    }

    // ---- named things ----

    /** A capitalised run of words in a sentence, with the word before it. */
    record Mention(String name, int start, int end, String before, String after, boolean sentenceStart) {
    }

    static List<Mention> mentions(String sentence) {
        List<int[]> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
        }
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String tok = tokenText(sentence, tokens.get(i));
            if (!isCapitalised(tok)) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            boolean possessive = isPossessive(tok);
            int j = i + 1;
            while (!possessive && j < tokens.size()) {
                String next = tokenText(sentence, tokens.get(j));
                if (gapHasPunctuation(sentence, tokens.get(j - 1), tokens.get(j))) {
                    break;
                }
                if (isCapitalised(next)) {
                    last = j;
                    possessive = isPossessive(next);
                    j++;
                } else if (CONNECTORS.contains(next) && !(next.equals("the") && i == 0 && j == i + 1)
                        && j + 1 < tokens.size()
                        && isCapitalised(tokenText(sentence, tokens.get(j + 1)))
                        && !gapHasPunctuation(sentence, tokens.get(j), tokens.get(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            // Drop capitalised sentence starters and function words at the front ("The", "During").
            while (first <= last && STARTERS.contains(tokenText(sentence, tokens.get(first)).toLowerCase(Locale.ROOT))) {
                first++;
                while (first <= last && CONNECTORS.contains(tokenText(sentence, tokens.get(first)))) {
                    first++;
                }
            }
            if (first <= last) {
                int start = tokens.get(first)[0];
                int end = tokens.get(last)[1];
                String name = sentence.substring(start, end);
                if (isPossessive(tokenText(sentence, tokens.get(last)))) {
                    name = name.substring(0, name.length() - 2);
                    end -= 2;
                }
                String before = first > 0 ? tokenText(sentence, tokens.get(first - 1)).toLowerCase(Locale.ROOT) : "";
                String after = last + 1 < tokens.size() ? tokenText(sentence, tokens.get(last + 1)) : "";
                if (last + 1 < tokens.size() && gapHasPunctuation(sentence, tokens.get(last), tokens.get(last + 1))) {
                    after = "";
                }
                if (!name.isEmpty() && !MONTHS.contains(name.toLowerCase(Locale.ROOT))) {
                    out.add(new Mention(name, start, end, before, after, first == 0));
                }
            }
            i = Math.max(j, i + 1);
        }
        return out;
    }

    private static String tokenText(String s, int[] t) {
        return s.substring(t[0], t[1]);
    }

    private static boolean gapHasPunctuation(String s, int[] a, int[] b) {
        return !s.substring(a[1], b[0]).isBlank();
    }

    private static boolean isCapitalised(String token) {
        return Character.isUpperCase(token.codePointAt(0));
    }

    private static boolean isPossessive(String token) {
        return token.endsWith("'s") || token.endsWith("’s");
    }

    private static final Set<String> FOLLOWERS = Set.copyOf(List.of("of", "in", "from", "to", "and", "or", "was", "were", "had",
            "has", "is", "are", "led", "saw", "on", "at", "with", "for", "by", "under", "during", "which", "who",
            "that", "as", "but", "after", "before", "became", "began", "ended", "took", "made", "also", "did", "later",
            "then", "soon", "still", "first", "finally", "often", "wrote", "won", "built", "said", "gave", "never"));

    /** Whether a name is used like an adjective ("Cold War tensions"): swapping or blanking it reads badly. */
    static boolean usedAsModifier(Mention m) {
        String after = m.after();
        return !after.isEmpty() && Character.isLowerCase(after.codePointAt(0))
                && !FOLLOWERS.contains(after) && !after.endsWith("ed") && !after.endsWith("ly")
                && !Text.hasVerb("x " + after);
    }

    static boolean isAbbreviation(String name) {
        return name.length() >= 2 && name.length() <= 6 && name.chars().allMatch(c -> Character.isUpperCase(c)
                || Character.isDigit(c)) && name.chars().filter(Character::isLetter).count() >= 2;
    }

    private void findEntities() {
        // Single words used on their own anywhere (not only to start a sentence): surname candidates.
        Map<String, Integer> alone = new LinkedHashMap<>();
        List<Object[]> multi = new ArrayList<>();
        for (Sentence s : sentences) {
            for (Mention mention : mentions(s.text())) {
                List<String> words = Text.words(mention.name());
                if (words.size() == 1 && !mention.sentenceStart()) {
                    alone.merge(mention.name(), 1, Integer::sum);
                }
                multi.add(new Object[] {mention, s});
            }
        }
        for (Object[] pair : multi) {
            Mention mention = (Mention) pair[0];
            Sentence s = (Sentence) pair[1];
            String name = mention.name();
            List<String> words = Text.words(name);
            String lastWord = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
            Kind kind = null;
            if (words.size() == 1 && isAbbreviation(name)) {
                kind = Kind.ABBREVIATION;
            } else if (words.size() >= 2 && EVENT_WORDS.contains(lastWord)) {
                kind = Kind.EVENT;
            } else if (words.size() >= 2 && ORG_WORDS.contains(lastWord)) {
                kind = Kind.ORGANISATION;
            } else if (words.size() >= 2 && PLACE_WORDS.contains(lastWord)) {
                kind = Kind.PLACE;
            } else if (words.size() >= 2 && words.size() <= 3 && !name.contains(" of ")
                    && (alone.containsKey(words.get(words.size() - 1)) || PERSON_CUES.contains(mention.before())
                    || !mention.after().isEmpty() && Character.isLowerCase(mention.after().codePointAt(0))
                    && Text.hasVerb("x " + mention.after()) && !mention.after().endsWith("s"))
                    && words.stream().noneMatch(w -> w.contains("-"))) {
                kind = Kind.PERSON;
            } else if (PLACE_CUES.contains(mention.before()) && (mention.after().isEmpty()
                    || !Character.isLowerCase(mention.after().codePointAt(0)) || mention.after().equals("and"))
                    && words.size() <= 3) {
                kind = Kind.PLACE;
            }
            if (kind != null && !entities.containsKey(name)) {
                List<String> aliases = kind == Kind.PERSON ? List.of(words.get(words.size() - 1)) : List.of();
                entities.put(name, new Entity(name, kind, aliases, s.position()));
            }
        }
        // Places listed next to a place ("like X and Y", "X, Y and the Z").
        for (Sentence s : sentences) {
            List<Mention> ms = mentions(s.text());
            for (int k = 1; k < ms.size(); k++) {
                Entity prev = entities.get(ms.get(k - 1).name());
                String between = s.text().substring(ms.get(k - 1).end(), ms.get(k).start());
                if (prev != null && prev.kind() == Kind.PLACE && between.matches("(,\\s*(and\\s+)?(the\\s+)?|\\s+and\\s+(the\\s+)?|,\\s*or\\s+)")
                        && !entities.containsKey(ms.get(k).name()) && Text.words(ms.get(k).name()).size() <= 3) {
                    entities.put(ms.get(k).name(), new Entity(ms.get(k).name(), Kind.PLACE, List.of(), s.position()));
                }
            }
        }
        // A person's surname alone is the same person, not another name.
        for (Entity e : List.copyOf(entities.values())) {
            if (e.kind() == Kind.PERSON) {
                entities.remove(e.aliases().get(0));
            }
        }
    }

    private static final Pattern SYNONYM_LINK = Pattern.compile(
            "(?i)\\s*(?:\\(\\s*(?:the\\s+|also\\s+(?:known\\s+as|called)\\s+|or\\s+|i\\.e\\.\\s+)?"
            + "|,?\\s*(?:also\\s+)?(?:known\\s+as|called|nicknamed|abbreviated(?:\\s+to|\\s+as)?)\\s+(?:the\\s+)?)");

    private void findSynonyms() {
        for (Sentence s : sentences) {
            List<Mention> ms = mentions(s.text());
            for (int k = 1; k < ms.size(); k++) {
                String between = s.text().substring(ms.get(k - 1).end(), ms.get(k).start());
                if (SYNONYM_LINK.matcher(between).matches()) {
                    String a = ms.get(k - 1).name();
                    String b = ms.get(k).name();
                    synonyms.computeIfAbsent(a, x -> new java.util.LinkedHashSet<>()).add(b);
                    synonyms.computeIfAbsent(b, x -> new java.util.LinkedHashSet<>()).add(a);
                }
            }
        }
    }

    /** Every way the notes write a thing: its name, aliases, synonyms the notes give, and its initials. */
    List<String> spellings(Entity e) {
        List<String> out = new ArrayList<>();
        out.add(e.name());
        out.addAll(e.aliases());
        for (String name : List.copyOf(out)) {
            out.addAll(synonyms.getOrDefault(name, Set.of()));
        }
        String initials = initials(e.name());
        if (initials.length() >= 2) {
            out.add(initials);
        }
        return out;
    }

    /** Whether two entities are the same thing written two ways (shared spelling, synonym or initials). */
    boolean sameThing(Entity a, Entity b) {
        List<String> as = spellings(a).stream().map(Text::normalise).toList();
        return spellings(b).stream().map(Text::normalise).anyMatch(as::contains);
    }

    /**
     * Whether a sentence names the entity in any of its spellings, or names something whose initials
     * it is ("United Nations" for "UN").
     */
    boolean namedIn(String sentence, Entity e) {
        if (spellings(e).stream().anyMatch(n -> Text.containsWords(sentence, n))) {
            return true;
        }
        String own = initials(e.name());
        return mentions(sentence).stream().anyMatch(m -> initials(m.name()).length() >= 2
                && initials(m.name()).equals(e.name()) || own.length() >= 2 && m.name().equals(own));
    }

    /** The capitals of a name's capitalised words ("Union of Soviet Socialist Republics" → "USSR"). */
    static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (String w : Text.words(name)) {
            if (Character.isUpperCase(w.codePointAt(0))) {
                out.appendCodePoint(w.codePointAt(0));
            }
        }
        return out.toString();
    }

    /** The entity a mention refers to (full name or a person's surname), or null. */
    Entity entityOf(String name) {
        Entity direct = entities.get(name);
        if (direct != null) {
            return direct;
        }
        for (Entity e : entities.values()) {
            if (e.aliases().contains(name)) {
                return e;
            }
        }
        return null;
    }

    List<Entity> ofKind(Kind kind) {
        return entities.values().stream().filter(e -> e.kind() == kind).toList();
    }

    List<Sentence> sentencesIn(Outline.Section section) {
        return sentences.stream().filter(s -> s.section() == section).toList();
    }
}
