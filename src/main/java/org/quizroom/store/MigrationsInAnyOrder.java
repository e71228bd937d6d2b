package org.quizroom.store;

import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Applies the schema migrations ({@code db/migration}) at start, in version order, and out of order only for a
 * database that needs it.
 *
 * <p>Migrations are numbered after the issue that needed them (V14_1, V16_1 ...) and were merged in any order, so
 * a database made by one build can be at V16_1 and still lack V14_1. Flyway refuses such a database unless told to
 * migrate out of order, and in that mode it warns at every start that the schema "may not be reproducible", which
 * a teacher reads as a fault. So this runs Flyway in order, and only when a migration older than the database's
 * newest is missing (Flyway's {@link MigrationState#IGNORED}) applies the migrations out of order, once, saying which.
 */
@Component
public class MigrationsInAnyOrder implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(MigrationsInAnyOrder.class);

    @Override
    public void migrate(Flyway flyway) {
        apply(flyway);
    }

    /**
     * Migrates the database of {@code flyway} to the newest version.
     *
     * @return the versions applied out of order (such as {@code 14.1}); empty for a new or an in-order database
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or the database does not validate
     */
    static List<String> apply(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        List<String> late = Arrays.stream(info.all())
                .filter(m -> m.getState() == MigrationState.IGNORED)
                .map(MigrationInfo::getVersion).map(Object::toString).toList();
        if (late.isEmpty()) {
            flyway.migrate();
            return late;
        }
        log.info("The database lacks migration {} from an earlier release, older than its newest ({}): applying "
                + "out of order", late, info.current().getVersion());
        Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .outOfOrder(true).load().migrate();
        return late;
    }
}
