package com.kinshop.identity;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends every session of an account (sessions live in PostgreSQL, indexed by principal name = account id). */
@Component
class SessionRevocation {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionRevocation(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    void revokeAll(AccountId account) {
        sessions.findByPrincipalName(account.toString()).keySet().forEach(sessions::deleteById);
    }
}
