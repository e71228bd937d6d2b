package org.quizroom.authoring.interchange;

import java.util.List;

/**
 * A quiz written in another tool's format.
 *
 * @param bytes       the file
 * @param contentType its media type
 * @param extension   file extension without the dot
 * @param notExported one line per question the format cannot hold ("question 7 (order): ...")
 */
public record ExportResult(byte[] bytes, String contentType, String extension, List<String> notExported) {
}
