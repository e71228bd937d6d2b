package org.quizroom.authoring;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quizroom.quiz.QuizParser;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.events.CommentEvent;
import org.yaml.snakeyaml.events.Event;

/**
 * The editor's view of a quiz file: plain maps (the same fields as the YAML, see
 * docs/quiz-format.md) turned into YAML text and back. The text is written in one fixed field
 * order so that files stay diff-able, and it is always checked by {@link QuizParser}, the loader
 * itself: there is one set of rules.
 */
public final class QuizYaml {

    /** Per-question fields the editor may carry but which never go into a file (notes-to-draft markers). */
    public static final Set<String> EDITOR_ONLY = Set.of("source", "draft");

    private static final List<String> TOP_ORDER = List.of("title", "description", "questions");
    private static final List<String> QUESTION_ORDER = List.of("type", "text", "image", "choices", "items",
            "answer", "answers", "tolerance", "time", "readingTime", "points", "section", "explanation");
    private static final List<String> IMAGE_ORDER = List.of("file", "alt");

    private QuizYaml() {
    }

    /** What a quiz file holds, read as plain maps, plus what the editor must know about its comments. */
    public record Document(Map<String, Object> quiz, String headerComment, int otherComments) {
    }

    /**
     * Reads a quiz file's text for editing.
     *
     * @return the quiz as maps (top level: title, description, questions), the comment lines at the
     *         top of the file (kept on save) and how many other comments there are (lost on save)
     * @throws YAMLException when the text is not YAML, or IllegalArgumentException when it is not a mapping
     */
    public static Document read(String yamlText) {
        Object root = QuizParser.loadYaml(yamlText);
        if (root == null) {
            root = new LinkedHashMap<String, Object>();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the file must be a mapping with 'title' and 'questions'");
        }
        String header = headerComment(yamlText);
        int all = countComments(yamlText);
        int inHeader = (int) header.lines().filter(l -> l.stripLeading().startsWith("#")).count();
        return new Document(stringKeys(map), header, Math.max(0, all - inHeader));
    }

    /**
     * Writes the editor's quiz as YAML text: known fields in a fixed order, unknown ones after them
     * (so the loader names them), editor-only markers and empty values left out.
     *
     * @param quiz          the quiz as maps (title, description, questions)
     * @param headerComment comment lines to put first (from the file being replaced), may be empty
     */
    public static String write(Map<String, Object> quiz, String headerComment) {
        var top = ordered(quiz, TOP_ORDER, Set.of());
        Object questions = top.get("questions");
        if (questions instanceof List<?> list) {
            var cleaned = new ArrayList<Object>();
            for (Object q : list) {
                cleaned.add(q instanceof Map<?, ?> m ? ordered(stringKeys(m), QUESTION_ORDER, EDITOR_ONLY) : q);
            }
            top.put("questions", cleaned);
        }
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        options.setWidth(200);
        String body = new Yaml(options).dump(top);
        // A blank line between questions: easier to read and to diff by hand.
        body = body.replace("\n  - type:", "\n\n  - type:");
        String header = headerComment == null || headerComment.isBlank() ? "" : headerComment.stripTrailing() + "\n\n";
        return header + body;
    }

    private static Map<String, Object> ordered(Map<String, Object> in, List<String> order, Set<String> drop) {
        var out = new LinkedHashMap<String, Object>();
        for (String key : order) {
            if (in.containsKey(key)) {
                putClean(out, key, in.get(key));
            }
        }
        for (var e : in.entrySet()) {
            if (!order.contains(e.getKey()) && !drop.contains(e.getKey())) {
                putClean(out, e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static void putClean(Map<String, Object> out, String key, Object value) {
        if (value == null || (value instanceof String s && s.isBlank() && !"answer".equals(key))) {
            return;
        }
        out.put(key, clean(value));
    }

    /** Whole numbers as integers (a year reads 1953, not 1953.0); text stripped; lists and maps copied. */
    private static Object clean(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            long l = d.longValue();
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
        }
        if (value instanceof Float f) {
            return clean(f.doubleValue());
        }
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return (int) (long) l;
        }
        if (value instanceof java.math.BigDecimal b) {
            return clean(b.doubleValue());
        }
        if (value instanceof java.math.BigInteger b) {
            return clean(b.doubleValue());
        }
        if (value instanceof String s) {
            return s.strip();
        }
        if (value instanceof List<?> list) {
            var out = new ArrayList<Object>();
            for (Object o : list) {
                out.add(clean(o));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            // The only mapping inside a question is image: {file, alt}.
            return ordered(stringKeys(map), IMAGE_ORDER, Set.of());
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stringKeys(Map<?, ?> map) {
        var out = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Map<?, ?> m ? stringKeys(m) : listOf(v)));
        return out;
    }

    private static Object listOf(Object v) {
        if (v instanceof List<?> list) {
            var out = new ArrayList<Object>();
            for (Object o : list) {
                out.add(o instanceof Map<?, ?> m ? stringKeys(m) : o);
            }
            return out;
        }
        return v;
    }

    /** The comment lines (and blank lines between them) before the first YAML content. */
    static String headerComment(String text) {
        var header = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String s = line.strip();
            if (s.startsWith("#") || (s.isEmpty() && header.length() > 0)) {
                header.append(line.stripTrailing()).append('\n');
            } else if (!s.isEmpty()) {
                break;
            }
        }
        return header.toString().stripTrailing();
    }

    /** Counts the comment lines SnakeYAML's scanner finds (a '#' inside a quoted text is not one). */
    static int countComments(String text) {
        var options = new LoaderOptions();
        options.setProcessComments(true);
        int count = 0;
        try {
            for (Event event : new Yaml(options).parse(new StringReader(text))) {
                if (event instanceof CommentEvent comment && comment.getCommentType() != CommentType.BLANK_LINE) {
                    count++;
                }
            }
        } catch (YAMLException e) {
            // Unreadable text: the loader reports it; count the '#' lines as a cautious guess.
            return (int) text.lines().filter(l -> l.stripLeading().startsWith("#")).count();
        }
        return count;
    }
}
