package com.papisandbox.server.admin;

/**
 * An admin operation refused: {@code status} is the HTTP status the admin API answers with, {@code error} a
 * stable word for programs (e.g. {@code UNKNOWN_ACCOUNT}), the message a sentence for people.
 */
public final class AdminException extends RuntimeException {
    private final int status;
    private final String error;

    public AdminException(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static AdminException badRequest(String message) {
        return new AdminException(400, "BAD_REQUEST", message);
    }

    public static AdminException notFound(String error, String message) {
        return new AdminException(404, error, message);
    }

    public static AdminException conflict(String error, String message) {
        return new AdminException(409, error, message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
