package com.kinshop.shared;

import org.postgresql.util.PSQLException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Which unique constraint refused an insert. Uniqueness is decided by the database, never by a prior lookup; when a
 * table has several, the constraint's name (as PostgreSQL reports it) tells the caller which refusal to show.
 */
public final class UniqueConstraints {

    private UniqueConstraints() {
    }

    public static boolean violated(DuplicateKeyException e, String constraintName) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return constraintName.equals(psql.getServerErrorMessage().getConstraint());
            }
        }
        return false;
    }
}
