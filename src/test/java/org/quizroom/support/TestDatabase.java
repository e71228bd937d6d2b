package org.quizroom.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Which database an integration test runs on. By default H2 (a file database per server, see
 * {@link LiveServerTest}). The failsafe execution {@code postgresql} (pom.xml) reruns the live core,
 * crash recovery, reconnect, bad-input and report tests with {@code -Dquizroom.test.db=postgresql};
 * each server then gets a fresh schema of its own in the database named by the environment
 * variables {@code QUIZROOM_TEST_PG_URL} (a JDBC URL), {@code QUIZROOM_TEST_PG_USER} and
 * {@code QUIZROOM_TEST_PG_PASSWORD}. Without them those reruns are skipped and say so; .ci/run sets them.
 */
public final class TestDatabase {

    /** The JDBC URL of the PostgreSQL test database, e.g. jdbc:postgresql://127.0.0.1:5432/quizroom_ci. */
    public static final String URL_VARIABLE = "QUIZROOM_TEST_PG_URL";
    private static final String HOW_TO = "set " + URL_VARIABLE + " (JDBC URL), QUIZROOM_TEST_PG_USER and "
            + "QUIZROOM_TEST_PG_PASSWORD to a PostgreSQL 15+ database, or run .ci/run (see README, 'Tests on PostgreSQL')";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private TestDatabase() {
    }

    /** True in the failsafe execution that reruns tests on PostgreSQL. */
    public static boolean postgresqlRun() {
        return "postgresql".equals(System.getProperty("quizroom.test.db"));
    }

    /** True when a PostgreSQL test database is configured in the environment. */
    public static boolean postgresqlAvailable() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /**
     * Creates an empty schema in the PostgreSQL test database and returns Spring datasource
     * settings that point at it (url with currentSchema, username, password), so every server under
     * test starts from nothing, as on a new installation.
     *
     * @throws IllegalStateException if the database cannot be reached
     */
    public static Map<String, Object> freshPostgresql() {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = System.getenv(URL_VARIABLE);
        String user = System.getenv().getOrDefault("QUIZROOM_TEST_PG_USER", "");
        String password = System.getenv().getOrDefault("QUIZROOM_TEST_PG_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema in " + url + ": " + e.getMessage(), e);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return Map.of("spring.datasource.url", schemaUrl, "spring.datasource.username", user,
                "spring.datasource.password", password);
    }

    /**
     * An empty database for a test that drives the store without a server: a fresh PostgreSQL schema
     * ({@link #freshPostgresql()}) in the PostgreSQL rerun, else an in-memory H2 database of its own.
     */
    public static DriverManagerDataSource freshDataSource() {
        if (postgresqlRun()) {
            Map<String, Object> pg = freshPostgresql();
            return new DriverManagerDataSource((String) pg.get("spring.datasource.url"),
                    (String) pg.get("spring.datasource.username"), (String) pg.get("spring.datasource.password"));
        }
        return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** The same settings as command-line arguments for a packaged server ({@code --key=value}). */
    public static List<String> freshPostgresqlArguments() {
        List<String> args = new ArrayList<>();
        freshPostgresql().forEach((k, v) -> args.add("--" + k + "=" + v));
        return args;
    }

    /** Skips a test class in the PostgreSQL rerun when no PostgreSQL is configured, saying how to run it. */
    public static final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!postgresqlRun() || postgresqlAvailable()) {
                return ConditionEvaluationResult.enabled(postgresqlRun() ? "on PostgreSQL" : "on H2");
            }
            String what = context.getRequiredTestClass().getSimpleName();
            if (TOLD.compareAndSet(false, true)) {
                System.out.println("[PostgreSQL] The PostgreSQL half of the integration suite is SKIPPED: " + HOW_TO);
            }
            System.out.println("[PostgreSQL] skipped " + what + " on PostgreSQL");
            return ConditionEvaluationResult.disabled(what + " on PostgreSQL skipped: " + HOW_TO);
        }
    }

    /** Points a Spring test server at a fresh PostgreSQL schema in the PostgreSQL rerun. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (postgresqlRun() && postgresqlAvailable()) {
                context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("quizroom-test-postgresql", freshPostgresql()));
            }
        }
    }
}
