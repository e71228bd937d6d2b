package org.quizroom;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything a teacher or admin can configure, under the {@code quizroom.} prefix (also as
 * environment variables, e.g. {@code QUIZROOM_TEACHER_PASSWORD}). Defaults suit one classroom.
 *
 * @param quizzesDir            folder of quiz YAML files
 * @param dataDir               folder of the H2 database files (absolute, or relative starting with ./)
 * @param joinHost              host name or IP put in join URLs and QR codes; blank = this machine's LAN address
 * @param publicUrl             full base URL for join links (e.g. behind a proxy); overrides joinHost
 * @param maxPlayers            players allowed in one game
 * @param networkAllowanceCapMs largest network delay forgiven per answer (half the round trip)
 * @param messageSizeLimit      largest STOMP frame accepted, in bytes
 * @param messagesPerSecond     messages one connection may send per second (sustained)
 * @param messageBurst          messages one connection may send in a burst
 * @param joinsPerMinute        joins allowed per client address per minute
 * @param pingIntervalMs        how often players are pinged to measure their network delay
 * @param teacherPassword       when set, the dashboard, hosting and reports need it (user "teacher")
 * @param blockedWords          extra words refused in nicknames, on top of the bundled list
 * @param draftMaxUploadBytes   largest notes file or pasted text turned into a draft quiz, in bytes
 */
@ConfigurationProperties("quizroom")
public record QuizroomProperties(
        @DefaultValue("quizzes") Path quizzesDir,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("") String joinHost,
        @DefaultValue("") String publicUrl,
        @DefaultValue("2500") int maxPlayers,
        @DefaultValue("300") long networkAllowanceCapMs,
        @DefaultValue("16384") int messageSizeLimit,
        @DefaultValue("10") int messagesPerSecond,
        @DefaultValue("30") int messageBurst,
        @DefaultValue("60") int joinsPerMinute,
        @DefaultValue("5000") long pingIntervalMs,
        @DefaultValue("") String teacherPassword,
        @DefaultValue("") List<String> blockedWords,
        @DefaultValue("5242880") long draftMaxUploadBytes) {
}
