package org.quizroom.live;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.quizroom.QuizroomProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.lang.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * What happens when a client sends a WebSocket message that is not a readable STOMP frame (an unknown
 * command, a header line without a colon, a bad escape, a wrong content-length, a frame over the limit), or
 * a frame before its CONNECT: the client gets a STOMP ERROR frame in plain words and the connection is closed
 * (by Spring, after any ERROR frame), and the server's log gets at most one short line per
 * {@link #LOG_EVERY_MS} ms.
 *
 * <p>Left to itself, Spring's {@code StompSubProtocolHandler} logs every such frame at ERROR with a full
 * stack trace and sends the parser's exception text back, for example "No enum constant
 * org.springframework.messaging.simp.stomp.StompCommand.hello". A student could fill the teacher's log
 * with one script, and the reply named the server's internals. So this handler words the reply itself,
 * and a Logback turbo filter drops Spring's own lines for these two cases (only those; Spring's other lines
 * from the same logger, such as a failing event listener, still reach the log).
 */
@Component
public class UnreadableFrames extends StompSubProtocolErrorHandler implements DisposableBean {

    /** Spring's logger whose lines for these frames this class replaces. */
    static final String SPRING_LOGGER = "org.springframework.web.socket.messaging.StompSubProtocolHandler";

    /** At most one log line per this many ms; the next line counts the ones left out. */
    static final long LOG_EVERY_MS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(UnreadableFrames.class);

    private final int frameLimitBytes;
    private final LongSupplier nanoTime;
    private final AtomicLong nextLogAt;
    private final AtomicLong unlogged = new AtomicLong();
    private final TurboFilter springLineFilter = new SpringParseLineFilter();

    @Autowired
    public UnreadableFrames(QuizroomProperties properties) {
        this(properties.messageSizeLimit(), System::nanoTime);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.addTurboFilter(springLineFilter);
        }
    }

    /**
     * @param frameLimitBytes the largest frame accepted, in bytes, named in the reply to a larger one
     * @param nanoTime        the clock the log allowance runs on, in ns (injected for tests)
     */
    UnreadableFrames(int frameLimitBytes, LongSupplier nanoTime) {
        this.frameLimitBytes = frameLimitBytes;
        this.nanoTime = nanoTime;
        this.nextLogAt = new AtomicLong(nanoTime.getAsLong());
    }

    /**
     * Builds the ERROR frame for a client message Spring could not read or could not pass on.
     *
     * @param clientMessage the frame as parsed, or null when it could not be parsed at all
     * @param ex            what Spring's decoder or channel threw
     * @return an ERROR frame whose {@code message} header says what was wrong, in words a developer of a
     *         client can act on and without class names
     */
    @Override
    @Nullable
    public Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage, Throwable ex) {
        String reason = clientMessage == null ? reasonUnreadable(ex) : reasonNotPassedOn(ex);
        logQuietly(reason, ex);
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(reason);
        StompHeaderAccessor client = clientMessage == null ? null
                : StompHeaderAccessor.getAccessor(clientMessage, StompHeaderAccessor.class);
        if (client != null && client.getReceipt() != null) {
            error.setReceiptId(client.getReceipt());
        }
        return MessageBuilder.createMessage(new byte[0], error.getMessageHeaders());
    }

    /**
     * The reply's wording for a frame the decoder threw on. Spring's decoder has no error codes, so the
     * kind is read from the exception: {@code StompCommand.valueOf} throws IllegalArgumentException for an
     * unknown command, and {@code BufferingStompDecoder} names its "buffer size limit" when a frame, or the
     * content-length header of one still arriving, is over.
     */
    String reasonUnreadable(Throwable ex) {
        String text = String.valueOf(ex.getMessage());
        if (text.contains("'content-length'") && text.contains("buffer size limit")) {
            return "Frame too large: its content-length header is over this server's limit of " + frameLimitBytes
                    + " bytes.";
        }
        if (text.contains("buffer size limit")) {
            return "Frame too large: this server accepts STOMP frames of at most " + frameLimitBytes + " bytes.";
        }
        if (ex instanceof IllegalArgumentException && text.contains(StompCommand.class.getSimpleName())) {
            return "Not a STOMP frame: the first line must be a STOMP command such as CONNECT, SUBSCRIBE or SEND.";
        }
        return "Malformed STOMP frame: each header is one name:value line, a blank line ends the headers, "
                + "and the frame ends with a NUL byte.";
    }

    /**
     * The reply's wording for a frame Spring read but could not pass on. Spring asserts "Unknown session" when a
     * frame other than CONNECT arrives on a socket whose STOMP session never started (no CONNECT yet, or a
     * refused one).
     */
    static String reasonNotPassedOn(Throwable ex) {
        if (String.valueOf(ex.getMessage()).startsWith("Unknown session")) {
            return "No STOMP session on this connection: send CONNECT with your token first.";
        }
        return "The server could not handle that frame.";
    }

    /** One line now and then, never a stack trace: any client can send these as fast as it can connect. */
    private void logQuietly(String reason, Throwable ex) {
        long now = nanoTime.getAsLong();
        long due = nextLogAt.get();
        if (now - due < 0 || !nextLogAt.compareAndSet(due, now + TimeUnit.MILLISECONDS.toNanos(LOG_EVERY_MS))) {
            unlogged.incrementAndGet();
            return;
        }
        long left = unlogged.getAndSet(0);
        log.warn("Refused a STOMP frame: {} ({}){}", reason, printable(ex.getMessage()),
                left == 0 ? "" : "; " + left + " more since the last line of this kind");
    }

    /** The parser's text, cut short and without control characters, since it may quote the client. */
    static String printable(@Nullable String text) {
        if (text == null) {
            return "no detail";
        }
        // Cut between characters, not inside one: an emoji is two chars, and half of one prints as '?'.
        String shown = text.codePointCount(0, text.length()) > 120 ? text.substring(0, text.offsetByCodePoints(0, 120)) + "…"
                : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public void destroy() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getTurboFilterList().remove(springLineFilter);
        }
    }

    /**
     * Denies the two ERROR lines Spring writes for each frame this handler answers: "Failed to parse" (with a
     * stack trace) and "Failed to send message to MessageChannel"; {@link #logQuietly} stands in for both.
     */
    private static final class SpringParseLineFilter extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                                  Object[] params, Throwable t) {
            boolean replaced = format != null && (format.startsWith("Failed to parse")
                    || format.startsWith("Failed to send message to MessageChannel"));
            return replaced && level == Level.ERROR && SPRING_LOGGER.equals(logger.getName())
                    ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }
}
