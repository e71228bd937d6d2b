package org.quizroom.authoring;

import java.time.Clock;
import java.util.List;
import org.quizroom.QuizroomProperties;
import org.quizroom.authoring.interchange.Interchange;
import org.quizroom.quiz.QuizCatalog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The editor's pieces as beans, and the custom-header rule on its write endpoints. */
@Configuration(proxyBeanMethods = false)
public class AuthoringConfig implements WebMvcConfigurer {

    @Bean
    QuizFiles quizFiles(QuizroomProperties properties, Clock clock) {
        return new QuizFiles(properties.quizzesDir(), clock);
    }

    /** The editor's tips are the quiz linter's warnings, the same as the dashboard's quiz check and the CLI. */
    @Bean
    @ConditionalOnMissingBean(QuizLint.class)
    QuizLint quizLint() {
        return quiz -> org.quizroom.quiz.lint.QuizLinter.lint(quiz).stream()
                .map(w -> new QuizLint.Warning(w.questions().isEmpty() ? null : w.questions().get(0), w.rule(),
                        w.message() + " " + w.fix()))
                .toList();
    }

    @Bean
    AuthoringService authoringService(QuizFiles files, QuizCatalog catalog, QuizLint lint) {
        return new AuthoringService(files, catalog, lint);
    }

    @Bean
    ImageStore imageStore(QuizroomProperties properties) {
        return new ImageStore(properties.quizzesDir());
    }

    @Bean
    Interchange interchange(QuizroomProperties properties) {
        return new Interchange(properties.importMaxBytes());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new WriteRequestGuard()).addPathPatterns("/api/authoring/**");
    }
}
