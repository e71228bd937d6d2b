package org.quizroom.quiz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns the text of one quiz file into a {@link Quiz}, or into every problem found in it, each
 * naming the file, the question and the field, so a teacher can fix them all in one pass.
 */
public final class QuizParser {

    static final int MIN_TIME = 5;
    static final int MAX_TIME = 240;
    static final int DEFAULT_TIME = 20;
    static final int MAX_TEXT = 300;
    static final int MAX_CHOICE = 80;

    private static final Set<String> TOP_FIELDS = Set.of("title", "description", "questions");
    private static final Set<String> COMMON_FIELDS = Set.of("type", "text", "time", "points", "section", "explanation");
    private static final Map<QuestionType, Set<String>> TYPE_FIELDS = Map.of(
            QuestionType.SINGLE, Set.of("choices", "answer", "shuffle"),
            QuestionType.MULTI, Set.of("choices", "answers", "shuffle"),
            QuestionType.TRUEFALSE, Set.of("answer"),
            QuestionType.TYPE, Set.of("answers", "fuzzy", "reject"),
            QuestionType.NUMBER, Set.of("answer", "tolerance"),
            QuestionType.ORDER, Set.of("items"),
            QuestionType.POLL, Set.of("choices", "shuffle"));

    public sealed interface Result {
    }

    public record Parsed(Quiz quiz) implements Result {
    }

    public record Failed(List<QuizProblem> problems) implements Result {
    }

    private final String file;
    private final List<QuizProblem> problems = new ArrayList<>();

    private QuizParser(String file) {
        this.file = file;
    }

    public static Result parse(String id, String fileName, String yamlText) {
        return new QuizParser(fileName).parse(id, yamlText);
    }

    private Result parse(String id, String yamlText) {
        Object root;
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            var dump = new DumperOptions();
            root = new Yaml(new SafeConstructor(options), new Representer(dump), dump, options, new PlainResolver())
                    .load(yamlText);
        } catch (MarkedYAMLException e) {
            problem(null, null, "not valid YAML: " + describe(e));
            return new Failed(problems);
        } catch (YAMLException e) {
            problem(null, null, "not valid YAML: " + firstLine(e.getMessage()));
            return new Failed(problems);
        }
        if (!(root instanceof Map<?, ?> top)) {
            problem(null, null, "the file must be a mapping with 'title' and 'questions'");
            return new Failed(problems);
        }
        unknownFields(top, TOP_FIELDS, null);
        String title = requiredText(top, "title", null, MAX_TEXT);
        String description = optionalText(top, "description", null).orElse("");
        List<Question> questions = new ArrayList<>();
        Object list = top.get("questions");
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            problem(null, "questions", "a list of at least one question is required");
        } else {
            for (int i = 0; i < items.size(); i++) {
                int number = i + 1;
                if (items.get(i) instanceof Map<?, ?> map) {
                    question(map, number).ifPresent(questions::add);
                } else {
                    problem(number, null, "each question must be a mapping of fields");
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Failed(problems);
        }
        return new Parsed(new Quiz(id, title, description, questions));
    }

    private Optional<Question> question(Map<?, ?> map, int n) {
        int before = problems.size();
        Object typeValue = map.get("type");
        QuestionType type = typeValue instanceof String s ? QuestionType.fromWireName(s) : null;
        if (type == null) {
            problem(n, "type", typeValue == null ? "is required"
                    : "'" + typeValue + "' is not a question type (single, multi, truefalse, type, number, order, poll)");
            return Optional.empty();
        }
        var allowed = new HashSet<>(COMMON_FIELDS);
        allowed.addAll(TYPE_FIELDS.get(type));
        unknownFields(map, allowed, n);

        String text = requiredText(map, "text", n, MAX_TEXT);
        int time = time(map, n);
        PointsMode points = points(map, n, type);
        String section = requiredText(map, "section", n, MAX_TEXT);
        String explanation = type == QuestionType.POLL
                ? optionalText(map, "explanation", n).orElse("")
                : requiredText(map, "explanation", n, 2 * MAX_TEXT);

        List<String> choices = List.of();
        Set<Integer> correct = Set.of();
        List<String> accepted = List.of();
        List<String> rejected = List.of();
        boolean keepOrder = !flag(map, "shuffle", n, true);
        boolean exactSpelling = !flag(map, "fuzzy", n, true);
        Double number = null;
        double tolerance = 0;
        switch (type) {
            case SINGLE -> {
                choices = choiceList(map, "choices", n, 2, 6);
                correct = choiceIndex(map, "answer", n, choices).map(Set::of).orElse(Set.of());
            }
            case MULTI -> {
                choices = choiceList(map, "choices", n, 2, 6);
                correct = multiAnswers(map, n, choices);
            }
            case POLL -> choices = choiceList(map, "choices", n, 2, 6);
            case TRUEFALSE -> {
                choices = List.of("True", "False");
                Boolean answer = trueOrFalse(map.get("answer"));
                if (answer != null) {
                    correct = Set.of(answer ? 0 : 1);
                } else {
                    problem(n, "answer", "must be true or false");
                }
            }
            case TYPE -> {
                accepted = acceptedAnswers(map, n);
                rejected = rejectedAnswers(map, n, accepted);
            }
            case NUMBER -> {
                number = finiteNumber(map, "answer", n, true);
                Double tol = finiteNumber(map, "tolerance", n, false);
                if (tol != null && tol < 0) {
                    problem(n, "tolerance", "must not be negative");
                }
                tolerance = tol == null ? 0 : Math.max(0, tol);
            }
            case ORDER -> {
                choices = choiceList(map, "items", n, 3, 6);
                var all = new LinkedHashSet<Integer>();
                for (int i = 0; i < choices.size(); i++) {
                    all.add(i);
                }
                correct = all;
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Question(type, text, choices, correct, accepted, number, tolerance, time, points,
                section, explanation, keepOrder, exactSpelling, rejected));
    }

    private int time(Map<?, ?> map, int n) {
        Object value = map.get("time");
        if (value == null) {
            return DEFAULT_TIME;
        }
        if (value instanceof Integer seconds && seconds >= MIN_TIME && seconds <= MAX_TIME) {
            return seconds;
        }
        problem(n, "time", "must be a whole number of seconds from " + MIN_TIME + " to " + MAX_TIME + ", not '" + value + "'");
        return DEFAULT_TIME;
    }

    private PointsMode points(Map<?, ?> map, int n, QuestionType type) {
        Object value = map.get("points");
        if (value == null) {
            return type == QuestionType.POLL ? PointsMode.NONE : PointsMode.STANDARD;
        }
        PointsMode mode = value instanceof String s ? PointsMode.fromWireName(s) : null;
        if (mode == null) {
            problem(n, "points", "must be standard, double or none, not '" + value + "'");
            return PointsMode.STANDARD;
        }
        return type == QuestionType.POLL ? PointsMode.NONE : mode;
    }

    private List<String> choiceList(Map<?, ?> map, String field, int n, int min, int max) {
        Object value = map.get(field);
        if (!(value instanceof List<?> list)) {
            problem(n, field, "a list of " + min + " to " + max + " entries is required");
            return List.of();
        }
        if (list.size() < min || list.size() > max) {
            problem(n, field, "needs " + min + " to " + max + " entries, found " + list.size());
        }
        var result = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (Object entry : list) {
            String text = scalarText(entry);
            if (text == null || text.isBlank()) {
                problem(n, field, "entries must be non-empty text");
            } else if (text.length() > MAX_CHOICE) {
                problem(n, field, "'" + text + "' is longer than " + MAX_CHOICE + " characters");
            } else if (!seen.add(text.strip())) {
                problem(n, field, "'" + text + "' appears twice");
            } else {
                result.add(text.strip());
            }
        }
        return result;
    }

    private Optional<Integer> choiceIndex(Map<?, ?> map, String field, int n, List<String> choices) {
        String answer = scalarText(map.get(field));
        if (answer == null) {
            problem(n, field, "is required: the text of the correct choice");
            return Optional.empty();
        }
        int index = choices.indexOf(answer.strip());
        if (index < 0) {
            problem(n, field, "'" + answer + "' is not one of the choices");
            return Optional.empty();
        }
        return Optional.of(index);
    }

    private Set<Integer> multiAnswers(Map<?, ?> map, int n, List<String> choices) {
        Object value = map.get("answers");
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problem(n, "answers", "a list of the correct choices is required");
            return Set.of();
        }
        var indices = new LinkedHashSet<Integer>();
        for (Object entry : list) {
            String text = scalarText(entry);
            int index = text == null ? -1 : choices.indexOf(text.strip());
            if (index < 0) {
                problem(n, "answers", "'" + entry + "' is not one of the choices");
            } else {
                indices.add(index);
            }
        }
        if (!choices.isEmpty() && indices.size() == choices.size()) {
            problem(n, "answers", "cannot mark every choice correct");
        } else if (indices.size() == 1) {
            problem(n, "answers", "needs at least two correct choices (use type: single for one)");
        }
        return indices;
    }

    private List<String> acceptedAnswers(Map<?, ?> map, int n) {
        Object value = map.get("answers");
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problem(n, "answers", "a list of accepted answers is required");
            return List.of();
        }
        var result = new ArrayList<String>();
        for (Object entry : list) {
            String text = scalarText(entry);
            if (text == null || TextMatcher.lenient(TextMatcher.key(text)).isEmpty()) {
                problem(n, "answers", "accepted answers must contain letters or digits");
            } else {
                result.add(text.strip());
            }
        }
        return result;
    }

    /**
     * The near-misses that are wrong. One that reads the same as an accepted answer after folding
     * (case, accents, spacing) contradicts it and is refused.
     */
    private List<String> rejectedAnswers(Map<?, ?> map, int n, List<String> accepted) {
        Object value = map.get("reject");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problem(n, "reject", "must be a list of wrong answers");
            return List.of();
        }
        var result = new ArrayList<String>();
        for (Object entry : list) {
            String text = scalarText(entry);
            if (text == null || TextMatcher.lenient(TextMatcher.key(text)).isEmpty()) {
                problem(n, "reject", "entries must contain letters or digits");
                continue;
            }
            accepted.stream().filter(a -> TextMatcher.sameAnswer(a, text)).findFirst().ifPresent(a ->
                    problem(n, "reject", "'" + text + "' reads the same as the accepted answer '" + a + "'"));
            result.add(text.strip());
        }
        return result;
    }

    private boolean flag(Map<?, ?> map, String field, int n, boolean absent) {
        Object value = map.get(field);
        if (value == null) {
            return absent;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        problem(n, field, "must be true or false, not '" + value + "'");
        return absent;
    }

    private Double finiteNumber(Map<?, ?> map, String field, int n, boolean required) {
        Object value = map.get(field);
        if (value == null) {
            if (required) {
                problem(n, field, "is required: a number");
            }
            return null;
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        problem(n, field, "must be a number, not '" + value + "'");
        return null;
    }

    private String requiredText(Map<?, ?> map, String field, Integer n, int maxLength) {
        String text = scalarText(map.get(field));
        if (text == null || text.isBlank()) {
            problem(n, field, "is required");
            return "";
        }
        if (text.length() > maxLength) {
            problem(n, field, "is longer than " + maxLength + " characters");
        }
        return text.strip();
    }

    private Optional<String> optionalText(Map<?, ?> map, String field, Integer n) {
        Object value = map.get(field);
        if (value == null) {
            return Optional.empty();
        }
        String text = scalarText(value);
        if (text == null) {
            problem(n, field, "must be text");
            return Optional.empty();
        }
        return Optional.of(text.strip());
    }

    private void unknownFields(Map<?, ?> map, Set<String> allowed, Integer n) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                problem(n, String.valueOf(key), "is not a field here (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static Boolean trueOrFalse(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes" -> Boolean.TRUE;
                case "false", "no" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    /** Accepts strings and plain scalars (numbers, booleans) written without quotes. */
    private static String scalarText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return null;
    }

    private void problem(Integer question, String field, String message) {
        problems.add(new QuizProblem(file, question, field, message));
    }

    /** "while scanning a quoted scalar (line 4, column 11): found unexpected end of stream (line 6, column 1)". */
    private static String describe(MarkedYAMLException e) {
        var text = new StringBuilder();
        if (e.getContext() != null) {
            text.append(e.getContext()).append(where(e.getContextMark())).append(": ");
        }
        text.append(e.getProblem() == null ? "unreadable" : e.getProblem().strip()).append(where(e.getProblemMark()));
        return text.toString();
    }

    private static String where(Mark mark) {
        return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines().limit(3).reduce((a, b) -> a + " " + b.strip()).orElse(message);
    }

    /**
     * Resolves unquoted scalars the YAML 1.2 way: only true/false are booleans and only plain
     * decimal numbers are numbers. SnakeYAML's default (YAML 1.1) would turn choices such as
     * Yes, No, On, Off into booleans, 1953-03-05 into a date, 1:30 into 90 and 010 into 8.
     */
    private static final class PlainResolver extends Resolver {

        private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
        private static final Pattern INT = Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$");
        private static final Pattern FLOAT =
                Pattern.compile("^[-+]?(?:(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$");
        private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "tTfF", 10);
            addImplicitResolver(Tag.INT, INT, "-+0123456789", 20);
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.", 40);
            addImplicitResolver(Tag.NULL, NULL, "~nN", 10);
            addImplicitResolver(Tag.NULL, Resolver.EMPTY, null, 10);
        }
    }
}
