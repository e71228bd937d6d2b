package org.quizroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quizroom.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database made by a build that had a later migration but not an earlier one still starts, and a new or
 * up-to-date one migrates in order (no out-of-order mode, so no warning at every start). On H2 and, in the
 * PostgreSQL rerun, on a fresh PostgreSQL schema.
 */
@ExtendWith(TestDatabase.Condition.class)
class MigrationsInAnyOrderIT {

    @TempDir
    Path olderBuild;

    private final DriverManagerDataSource dataSource = TestDatabase.freshDataSource();

    private Flyway release() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    @Test
    void aNewDatabaseMigratesInOrder() {
        assertThat(MigrationsInAnyOrder.apply(release())).isEmpty();
        assertThat(release().info().pending()).isEmpty();
        assertThat(MigrationsInAnyOrder.apply(release())).as("a second start has nothing to do").isEmpty();
    }

    @Test
    void aDatabaseAtV16WithoutV14AndV15TakesThemAndEverythingAfter() throws IOException {
        // The build that made this database had the practice-origin (V14_1) and lease (V15_1) migrations missing.
        for (String name : new String[] {"V1__games_players_answers.sql", "V9_2__game_abandoned.sql",
                "V10_1__missed_questions.sql", "V11_1__answer_accepted_by_tolerance.sql",
                "V16_1__answer_network_allowance.sql"}) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + name)) {
                Files.copy(in, olderBuild.resolve(name));
            }
        }
        Flyway.configure().dataSource(dataSource).locations("filesystem:" + olderBuild).load().migrate();
        assertThat(release().info().current().getVersion().toString()).isEqualTo("16.1");

        assertThat(MigrationsInAnyOrder.apply(release())).containsExactly("14.1", "15.1");

        MigrationInfo[] all = release().info().all();
        assertThat(Arrays.stream(all).map(MigrationInfo::getState)).containsOnly(MigrationState.SUCCESS,
                MigrationState.OUT_OF_ORDER);
        assertThat(Arrays.stream(all).filter(m -> m.getState() == MigrationState.OUT_OF_ORDER)
                .map(m -> m.getVersion().toString())).containsExactly("14.1", "15.1");
        // What V14_1 adds is there: a practice game's origin can be stored.
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(origin_pin) from game", Integer.class))
                .isZero();
        assertThat(MigrationsInAnyOrder.apply(release())).as("the next start migrates in order").isEmpty();
    }
}
