package com.kinshop.shared;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user can understand: a message key (resolved in the user's language), the field it is
 * about (or null), and the HTTP status an API caller gets. Throwing it rolls the transaction back.
 *
 * <p>It carries no stack trace: a refusal is an answer, not a fault, and filling one in walked the whole request's stack
 * for every refused flash-sale attempt (已抢光).
 */
public class BusinessException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final String field;
    private final transient Object[] args;

    public BusinessException(HttpStatus status, String messageKey, String field, Object... args) {
        super(messageKey + (field == null ? "" : " (" + field + ")"), null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.field = field;
        this.args = args;
    }

    public static BusinessException invalid(String field, String messageKey, Object... args) {
        return new BusinessException(HttpStatus.BAD_REQUEST, messageKey, field, args);
    }

    public static BusinessException conflict(String field, String messageKey, Object... args) {
        return new BusinessException(HttpStatus.CONFLICT, messageKey, field, args);
    }

    public static BusinessException notFound(String messageKey, Object... args) {
        return new BusinessException(HttpStatus.NOT_FOUND, messageKey, null, args);
    }

    public static BusinessException forbidden(String messageKey) {
        return new BusinessException(HttpStatus.FORBIDDEN, messageKey, null);
    }

    /**
     * The same refusal naming the field as the caller sent it: services share one name with the pages' forms
     * ("amount"), while the API's request says "amountFen".
     */
    public BusinessException namedAs(java.util.Map<String, String> callerNames) {
        String renamed = field == null ? null : callerNames.get(field);
        return renamed == null ? this : new BusinessException(status, messageKey, renamed, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public String field() {
        return field;
    }

    public Object[] args() {
        return args;
    }
}
