package org.quizroom.quiz;

import java.util.Locale;

/** The kinds of question a quiz file may contain; the wire name is the lower-case name. */
public enum QuestionType {
    SINGLE, MULTI, TRUEFALSE, TYPE, NUMBER, ORDER, POLL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QuestionType fromWireName(String name) {
        for (QuestionType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** Whether the player answers by picking from {@code choices}. */
    public boolean hasChoices() {
        return this == SINGLE || this == MULTI || this == TRUEFALSE || this == POLL || this == ORDER;
    }

    public boolean isScored() {
        return this != POLL;
    }
}
