package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.BufferingStompDecoder;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;

/**
 * The reply to frames Spring's own STOMP decoder cannot read, and how often they reach the log. The
 * exceptions are the real decoder's, thrown on the frames a mischievous client would send.
 */
class UnreadableFramesTest {

    private static final int LIMIT = 64;

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final UnreadableFrames frames = new UnreadableFrames(LIMIT, nanos::get);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(UnreadableFrames.class);

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    /**
     * What a student's script sends instead of STOMP, each a different way to be unreadable: description, frame,
     * the start of the reply. Shared with StompFuzzIT, which sends them over a real socket.
     */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("words, not a command", "hello garbage\n\n\0", "Not a STOMP frame"),
                Arguments.of("a command in lower case", "send\ndestination:/app/x\n\n{}\0", "Not a STOMP frame"),
                Arguments.of("a header line without a colon", "SEND\nnocolon\n\n\0", "Malformed STOMP frame"),
                Arguments.of("a bad escape in a header", "SEND\ndestination:/app\\q\n\n\0", "Malformed STOMP frame"),
                Arguments.of("a body on a frame that takes none", "SUBSCRIBE\nid:1\ndestination:/x\n\nbody\0",
                        "Malformed STOMP frame"),
                Arguments.of("a content-length shorter than the body", "SEND\ncontent-length:2\n\nabcdef\0",
                        "Malformed STOMP frame"));
    }

    static Stream<Arguments> unreadable() {
        return Stream.concat(malformed(), Stream.of(
                Arguments.of("a reply-only command name misspelt", "MESSAGES\n\n\0", "Not a STOMP frame"),
                Arguments.of("a content-length over the limit, the body still to come",
                        "SEND\ndestination:/app/x\ncontent-length:99999\n\n{}",
                        "Frame too large: its content-length header is over this server's limit of " + LIMIT + " bytes."),
                Arguments.of("a frame over the limit", "SEND\ndestination:/app/x\n\n" + "A".repeat(LIMIT * 2) + "\0",
                        "Frame too large: this server accepts STOMP frames of at most " + LIMIT + " bytes.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void theReplyIsAnErrorFrameInPlainWordsWithoutTheServersClassNames(String what, String frame, String reply) {
        BufferingStompDecoder decoder = new BufferingStompDecoder(new StompDecoder(), LIMIT);
        // A frame still arriving is judged when its next bytes come, as over a socket.
        Throwable thrown = catchThrowable(() -> {
            decoder.decode(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
            decoder.decode(ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(thrown).as("Spring's decoder refuses %s", what).isNotNull();

        Message<byte[]> error = frames.handleClientMessageProcessingError(null, thrown);

        StompHeaderAccessor headers = StompHeaderAccessor.wrap(error);
        assertThat(headers.getCommand()).isEqualTo(StompCommand.ERROR);
        assertThat(headers.getMessage()).startsWith(reply)
                .doesNotContain("org.", "java.", "Exception", "enum", "hello");
    }

    @Test
    void aFloodOfUnreadableFramesWritesOneLineEveryTenSecondsCountingTheRest() {
        Throwable unknown = new IllegalArgumentException("No enum constant " + StompCommand.class.getName() + ".HI");
        for (int i = 0; i < 500; i++) {
            frames.handleClientMessageProcessingError(null, unknown);
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(10)); // 100 frames a second for 5 s
        }
        assertThat(logged.list).hasSize(1);
        assertThat(logged.list.get(0).getThrowableProxy()).as("stack trace").isNull();

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(UnreadableFrames.LOG_EVERY_MS));
        frames.handleClientMessageProcessingError(null, unknown);

        assertThat(logged.list).hasSize(2);
        assertThat(logged.list.get(1).getFormattedMessage()).contains("Not a STOMP frame")
                .endsWith("; 499 more since the last line of this kind");
    }

    @Test
    void theClientsTextInTheLogIsCutShortAndHasNoLineBreaks() {
        String forged = "x\r\n2026-12-01 ERROR forged line" + "y".repeat(500);

        assertThat(UnreadableFrames.printable(forged)).hasSizeLessThanOrEqualTo(121)
                .doesNotContain("\r", "\n").startsWith("x??2026-12-01");
    }

    @Test
    void theCutNeverSplitsAnEmojiInHalf() {
        String emoji = "\uD83D\uDE00"; // one character, two chars in Java
        String shown = UnreadableFrames.printable("a" + emoji.repeat(200));

        assertThat(shown).endsWith(emoji + "…").startsWith("a" + emoji);
        assertThat(shown.codePoints().filter(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE))
                .as("no half of a character").isEmpty();
        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(121);
    }

    @Test
    void aFrameBeforeConnectIsToldToConnectFirst() {
        StompHeaderAccessor send = StompHeaderAccessor.create(StompCommand.SEND);
        Message<byte[]> client = org.springframework.messaging.support.MessageBuilder
                .createMessage(new byte[0], send.getMessageHeaders());

        // What Spring's StompSubProtocolHandler asserts when a frame comes before any STOMP session started.
        StompHeaderAccessor error = StompHeaderAccessor.wrap(frames.handleClientMessageProcessingError(client,
                new IllegalStateException("Unknown session: 5264b11b-38a9-b671-0c18-36feac272c16")));

        assertThat(error.getMessage()).isEqualTo("No STOMP session on this connection: send CONNECT with your token first.");
    }

    @Test
    void aFrameSpringCouldReadButNotPassOnGetsAGeneralReplyKeepingItsReceipt() {
        StompHeaderAccessor send = StompHeaderAccessor.create(StompCommand.SEND);
        send.setReceipt("r-7");
        Message<byte[]> client = org.springframework.messaging.support.MessageBuilder
                .createMessage(new byte[0], send.getMessageHeaders());

        StompHeaderAccessor error = StompHeaderAccessor.wrap(
                frames.handleClientMessageProcessingError(client, new IllegalStateException("internal detail")));

        assertThat(error.getMessage()).isEqualTo("The server could not handle that frame.");
        assertThat(error.getReceiptId()).isEqualTo("r-7");
    }
}
