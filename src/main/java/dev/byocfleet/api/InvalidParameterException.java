package dev.byocfleet.api;

/**
 * Thrown by a feature when a request parameter has a value it cannot serve; answered as 400 with
 * the parameter's name, so callers (REST and MCP alike) learn which input to fix.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
