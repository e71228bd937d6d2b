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
 * @param networkAllowanceCapMs largest network delay forgiven per answer, in ms (the median round trip, capped)
 * @param messageSizeLimit      largest STOMP frame accepted, in bytes
 * @param messagesPerSecond     messages one connection may send per second (sustained)
 * @param messageBurst          messages one connection may send in a burst
 * @param joinsPerMinute        joins allowed per client address per minute, sustained (refill of the join bucket)
 * @param joinBurst             joins one client address may make at once: a class of up to 40 behind one NAT
 *                              address joins together, a script gets 40 fake players, not 200; raise it when
 *                              several classes share one NAT address (a district server)
 * @param gameCreationsPerHour  games one client address may open per hour (also the burst)
 * @param pinLookupsPerMinute   game lookups by PIN (info, QR code) per client address per minute (also the burst)
 * @param maxLiveGames          unfinished games held at once; opening more gets 503
 * @param finishedGameRetentionMs how long a finished game stays in memory (its final screens); then only the
 *                              database has it (reports, dashboard)
 * @param connectionsPerAddress WebSocket connections one client address may hold open
 * @param connectTimeoutMs      time a new WebSocket has to send its STOMP CONNECT before it is closed
 * @param maxRequestBytes       largest HTTP request body accepted, in bytes (413 beyond, before parsing)
 * @param maxUploadBytes        largest body on the teacher's upload paths (quiz editor, notes to draft), in bytes
 * @param allowedOrigins        extra origins (e.g. {@code https://quiz.school.example}) whose pages may open /ws
 *                              and send state-changing requests; the server's own origin and join links are
 *                              always allowed
 * @param trustedProxies        addresses of reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed;
 *                              empty = no forwarded header is believed
 * @param unlimitedAddresses    client addresses exempt from the per-address limits (joins, games, lookups,
 *                              connections): this machine's loopback, for the load bench and a local proxy
 * @param pingIntervalMs        how often players are pinged to measure their network delay
 * @param teacherPassword       when set, the dashboard, hosting and reports need it (user "teacher")
 * @param blockedWords          extra words refused in nicknames, on top of the bundled list
 * @param importMaxBytes        largest file the quiz editor imports (GIFT, Aiken, xlsx, CSV), in bytes
 * @param abandonedGameMinutes  an unfinished game with no host or player connected for this many minutes is
 *                              ended as abandoned (answers and report kept), freeing its place under maxLiveGames
 * @param draftMaxUploadBytes   largest notes file or pasted text turned into a draft quiz, in bytes
 */
@ConfigurationProperties("quizroom")
public record QuizroomProperties(
        @DefaultValue("quizzes") Path quizzesDir,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("") String joinHost,
        @DefaultValue("") String publicUrl,
        @DefaultValue("2500") int maxPlayers,
        @DefaultValue("600") long networkAllowanceCapMs,
        @DefaultValue("4096") int messageSizeLimit,
        @DefaultValue("10") int messagesPerSecond,
        @DefaultValue("30") int messageBurst,
        @DefaultValue("60") int joinsPerMinute,
        @DefaultValue("40") int joinBurst,
        @DefaultValue("30") int gameCreationsPerHour,
        @DefaultValue("300") int pinLookupsPerMinute,
        @DefaultValue("100") int maxLiveGames,
        @DefaultValue("600000") long finishedGameRetentionMs,
        @DefaultValue("250") int connectionsPerAddress,
        @DefaultValue("10000") long connectTimeoutMs,
        @DefaultValue("8192") int maxRequestBytes,
        @DefaultValue("10485760") long maxUploadBytes,
        @DefaultValue("") List<String> allowedOrigins,
        @DefaultValue("") List<String> trustedProxies,
        @DefaultValue({"127.0.0.1", "0:0:0:0:0:0:0:1"}) List<String> unlimitedAddresses,
        @DefaultValue("5000") long pingIntervalMs,
        @DefaultValue("") String teacherPassword,
        @DefaultValue("") List<String> blockedWords,
        @DefaultValue("1048576") long importMaxBytes,
        @DefaultValue("5242880") long draftMaxUploadBytes,
        @DefaultValue("120") int abandonedGameMinutes) {

    /** Whether {@code address} (as the server sees it, after trusted proxies) is exempt from per-address limits. */
    public boolean isUnlimited(String address) {
        return address != null && (unlimitedAddresses.contains(address)
                || ("::1".equals(address) && unlimitedAddresses.contains("0:0:0:0:0:0:0:1")));
    }
}
