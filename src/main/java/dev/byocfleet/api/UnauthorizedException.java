package dev.byocfleet.api;

/**
 * Thrown when a request carries no usable identity: no signed-in user, wrong credentials, an
 * invalid refresh token. Answered as 401; the message is the whole detail, so it must not reveal
 * which part of the credentials was wrong.
 */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
