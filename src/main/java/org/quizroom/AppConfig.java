package org.quizroom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.quizroom.game.NicknamePolicy;
import org.quizroom.quiz.QuizCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** The plain-Java pieces (clock, quiz catalogue, nickname rules) as beans. */
@Configuration(proxyBeanMethods = false)
public class AppConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    QuizCatalog quizCatalog(QuizroomProperties properties) {
        return new QuizCatalog(properties.quizzesDir());
    }

    @Bean
    NicknamePolicy nicknamePolicy(QuizroomProperties properties) throws IOException {
        Set<String> words = new HashSet<>(properties.blockedWords());
        try (InputStream in = new ClassPathResource("nickname-blocklist.txt").getInputStream()) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(words::add);
        }
        return new NicknamePolicy(words);
    }
}
