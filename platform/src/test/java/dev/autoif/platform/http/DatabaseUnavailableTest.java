package dev.autoif.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which errors are "the database is away" (503 with Retry-After) and which stay a 500. */
class DatabaseUnavailableTest {

    @Test
    void connectionErrorsAndPoolTimeoutsAreUnavailable() {
        assertThat(ProblemMappers.databaseUnavailable(new RuntimeException(
                new SQLException("The connection attempt failed.", "08001")))).isTrue();
        assertThat(ProblemMappers.databaseUnavailable(new JDBCConnectionException("lost", new SQLException("x"))))
                .isTrue();
        SQLException poolTimeout = new SQLException("Sorry, acquisition timeout!");
        poolTimeout.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.agroal.pool.ConnectionPool", "handlerFromSharedCache", null, 1)});
        assertThat(ProblemMappers.databaseUnavailable(new IllegalStateException(poolTimeout))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(ProblemMappers.databaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemMappers.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void unavailableIs503ProblemJsonWithRetryAfter() {
        Response r = new ProblemMappers().unexpected(new RuntimeException(new SQLException("refused", "08001")));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo(ProblemMappers.RETRY_AFTER_SECONDS);
        Response broker = new ProblemMappers().problem(new ProblemException(503, "Service Unavailable", "broker"));
        assertThat(broker.getHeaderString("Retry-After")).isEqualTo(ProblemMappers.RETRY_AFTER_SECONDS);
        assertThat(new ProblemMappers().problem(ProblemException.badRequest("x")).getHeaderString("Retry-After"))
                .isNull();
    }
}
