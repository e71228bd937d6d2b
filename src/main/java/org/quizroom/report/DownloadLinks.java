package org.quizroom.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Short-lived signed download links, so the host token never travels in a URL (browser history,
 * proxy logs, a Referer). A link names one game and one file and expires after {@link #LIFETIME};
 * it is an HMAC-SHA256 under a key made at start-up, so a restart invalidates outstanding links
 * (the page simply asks for new ones).
 */
@Component
public class DownloadLinks {

    /** Long enough to click a button, short enough that a link in a history file is useless. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private final byte[] key = new byte[32];
    private final Clock clock;

    public DownloadLinks(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** A signed link's query values. {@code expires} is in epoch seconds. */
    public record Signed(long expires, String signature) {
    }

    /** Signs {@code file} of game {@code pin} for {@link #LIFETIME} from now. */
    public Signed sign(String pin, String file) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        return new Signed(expires, mac(pin, file, expires));
    }

    /** Whether the signature is this server's for this game and file, and has not expired. */
    public boolean valid(String pin, String file, Long expires, String signature) {
        if (expires == null || signature == null || Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            return false;
        }
        return MessageDigest.isEqual(mac(pin, file, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String pin, String file, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sum = mac.doFinal((pin + "\n" + file + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
