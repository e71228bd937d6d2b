package org.quizroom.authoring.draft;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a draft as a quiz file. SnakeYAML quotes every string a YAML reader could take for
 * something else ("yes", "1955", "null"), so the file loads back with the quiz parser unchanged.
 * Sources are never written: they belong to the editor only.
 */
public final class DraftYaml {

    private DraftYaml() {
    }

    /** A quiz map in the file's shape: title, description, questions. */
    static Map<String, Object> quiz(String title, List<Map<String, Object>> questions) {
        Map<String, Object> quiz = new LinkedHashMap<>();
        quiz.put("title", title);
        quiz.put("description", "Draft made from lesson notes: check every question before the lesson.");
        quiz.put("questions", questions);
        return quiz;
    }

    /** The quiz map as YAML text. */
    public static String write(Map<String, Object> quiz) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        options.setSplitLines(false);
        options.setAllowUnicode(true);
        return new Yaml(options).dump(quiz);
    }
}
