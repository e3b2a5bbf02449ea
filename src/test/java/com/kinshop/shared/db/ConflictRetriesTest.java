package com.kinshop.shared.db;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are run again: PostgreSQL's deadlock and serialization failure, however deeply wrapped; nothing else. */
class ConflictRetriesTest {

    @Test
    void aDeadlockOrASerializationFailureAnywhereInTheCausesIsAConflict() {
        assertThat(ConflictRetries.isConflict(new CannotAcquireLockException("update", new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(ConflictRetries.isConflict(new SQLException("could not serialize access", "40001"))).isTrue();
        // a failure at commit arrives wrapped twice
        assertThat(ConflictRetries.isConflict(new TransactionSystemException("commit",
                new IllegalStateException(new SQLException("could not serialize access", "40001"))))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAndPlainExceptionsAreNot() {
        assertThat(ConflictRetries.isConflict(new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(ConflictRetries.isConflict(new CannotAcquireLockException("lock timeout", new SQLException("lock timeout", "55P03")))).isFalse();
        assertThat(ConflictRetries.isConflict(new SQLException("no state"))).isFalse();
        assertThat(ConflictRetries.isConflict(new IllegalStateException("not the database"))).isFalse();
    }
}
