package dev.byocfleet.api;

/**
 * Thrown by a feature service when the signed-in user's role does not allow the action; answered
 * as 403. Services throw it (not controllers), so REST and MCP callers meet the same rule.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
