package org.quizroom.quiz;

import java.util.LinkedHashSet;
import java.util.List;

/** A quiz loaded from one YAML file; {@code id} is the file name without its extension. */
public record Quiz(String id, String title, String description, List<Question> questions) {

    public Quiz {
        questions = List.copyOf(questions);
    }

    /** The notes sections the questions test, in order of first appearance. */
    public List<String> sections() {
        var sections = new LinkedHashSet<String>();
        questions.forEach(q -> sections.add(q.section()));
        return List.copyOf(sections);
    }
}
