package org.quizroom.web;

/** The body of every HTTP error: a stable code and a sentence a person can act on. */
public record ApiError(String code, String message) {
}
