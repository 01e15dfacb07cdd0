package dev.byocfleet.chat;

import dev.byocfleet.chat.ChatRepository.StoredMessage;
import dev.byocfleet.llm.LlmMessage;
import dev.byocfleet.llm.LlmMessage.AssistantTurn;
import dev.byocfleet.llm.LlmMessage.UserText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The earlier turns a new turn is given. Below the context budget, all of them word for word;
 * above it, the most recent ones word for word and the older ones folded into a deterministic
 * summary (the first words of each question and answer), so a long conversation never outgrows
 * the model's window. Characters / 4 estimate tokens.
 */
final class ConversationWindow {

    /** @param summary the summary of the older turns, or null when none were folded */
    record Window(List<LlmMessage> history, @Nullable String summary, int folded) {}

    static final int QUESTION_CHARS = 160;
    static final int ANSWER_CHARS = 240;

    private ConversationWindow() {
    }

    static Window of(List<StoredMessage> earlier, int contextTokens, int keepRecent) {
        long tokens = earlier.stream().mapToLong(m -> estimateTokens(m.content())).sum();
        if (tokens <= contextTokens || earlier.size() <= keepRecent) {
            return new Window(turns(earlier), null, 0);
        }
        int split = earlier.size() - keepRecent;
        // Start the kept part on a question, so the turns still alternate after the summary.
        while (split < earlier.size() && !"user".equals(earlier.get(split).role())) {
            split++;
        }
        List<StoredMessage> older = earlier.subList(0, split);
        String summary = summarize(older);
        List<LlmMessage> history = new ArrayList<>();
        history.add(new UserText(summary));
        history.add(new AssistantTurn("Understood; I will use this summary of our earlier conversation.", List.of()));
        history.addAll(turns(earlier.subList(split, earlier.size())));
        return new Window(history, summary, older.size());
    }

    static long estimateTokens(@Nullable String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }

    private static List<LlmMessage> turns(List<StoredMessage> messages) {
        List<LlmMessage> out = new ArrayList<>();
        for (StoredMessage m : messages) {
            String content = m.content() == null ? "" : m.content();
            out.add("user".equals(m.role()) ? new UserText(content) : new AssistantTurn(content, List.of()));
        }
        return out;
    }

    static String summarize(List<StoredMessage> older) {
        StringBuilder s = new StringBuilder("Summary of the earlier part of this conversation (")
                .append(older.size()).append(" messages, shortened):\n");
        for (StoredMessage m : older) {
            boolean user = "user".equals(m.role());
            s.append(user ? "- The user asked: " : "- You answered: ")
                    .append(shorten(m.content(), user ? QUESTION_CHARS : ANSWER_CHARS)).append('\n');
        }
        return s.toString().strip();
    }

    private static String shorten(@Nullable String text, int max) {
        String t = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }
}
