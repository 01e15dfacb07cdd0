package dev.byocfleet.chat;

import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent Events of one turn. Sends are serialized; once the client is gone (a failed
 * send, a timeout, an error) every further send is dropped and the close hook runs, which cancels
 * the turn's model call.
 */
final class ChatStream {

    private final SseEmitter emitter;
    private volatile boolean closed;
    private volatile Runnable onClose = () -> { };

    ChatStream(SseEmitter emitter) {
        this.emitter = emitter;
        emitter.onTimeout(this::close);
        emitter.onError(e -> close());
        emitter.onCompletion(this::close);
    }

    void onClose(Runnable hook) {
        this.onClose = hook;
        if (closed) {
            hook.run();
        }
    }

    /** Sends one named event with a JSON body; false when the client is gone. */
    synchronized boolean send(String name, Map<String, ?> data) {
        if (closed) {
            return false;
        }
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            close();
            return false;
        }
    }

    /** An SSE comment, which finds out whether the client is still there. */
    synchronized boolean heartbeat() {
        if (closed) {
            return false;
        }
        try {
            emitter.send(SseEmitter.event().comment("keep-alive"));
            return true;
        } catch (IOException | IllegalStateException e) {
            close();
            return false;
        }
    }

    void complete() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        emitter.complete();
    }

    private void close() {
        closed = true;
        onClose.run();
    }
}
