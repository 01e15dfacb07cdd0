package dev.byocfleet.demo;

import dev.byocfleet.demo.AlertPayloads.LarkMessage;
import dev.byocfleet.demo.LarkCards.Entry;
import dev.byocfleet.demo.LarkCards.Style;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The alert chat over time: one message per alert state change, posted 5 to 40 s after it, except
 * that about one in ten bursts (same cluster and alert firing in the same minute) goes out as one
 * card the way an Alertmanager group does, its later resolutions listing the members still firing
 * too. Around the alerts sits the chat's other traffic: user replies, recalled messages and card
 * 2.0 placeholders, none of which carries an alert. A message whose delay would carry it past the
 * end of the data is posted at the end instead (a resolution then follows its firing by a second);
 * the other traffic stops at the end.
 */
final class LarkChannel {

    static final int PAGE_SIZE = 50;
    private static final double GROUPED_BURSTS = 0.10;
    private static final List<String> REPLIES = List.of("looking into it", "已处理", "收到，在看", "ack, checking the BE logs",
            "扩容后已恢复，继续观察", "@_user_1 looking at %s now");
    private static final List<String> ONCALL = List.of("Li Wei", "Zhang Min", "Alex Chen", "Priya Nair");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AlertFacts facts;
    private final LarkCards cards;
    private final String chatId;
    private final LocalDateTime end;
    private final String tenantKey;

    LarkChannel(AlertFacts facts, String chatId, LocalDateTime end) {
        this.facts = facts;
        this.cards = new LarkCards(facts);
        this.chatId = chatId;
        this.end = end;
        this.tenantKey = facts.hex(16, "tenant");
    }

    String messageId(DemoAlert a, boolean resolved) {
        return "om_" + facts.hex(32, chatId, a.fingerprint(), a.startsAt().toString(), resolved ? "resolved" : "firing");
    }

    /** When the message of this state change appears, for an alert announced on its own (not in a grouped card). */
    LocalDateTime postedAt(DemoAlert a, boolean resolved) {
        LocalDateTime firing = post(messageId(a, false), a.startsAt());
        return resolved ? later(post(messageId(a, true), a.endsAt()), firing) : firing;
    }

    Style style(DemoAlert a) {
        return cards.styleOf(a);
    }

    String content(DemoAlert a, boolean resolved) {
        return AlertPayloads.compact(cards.content(cards.styleOf(a), List.of(new Entry(a, resolved)), postedAt(a, resolved)));
    }

    private LocalDateTime post(String messageId, LocalDateTime event) {
        LocalDateTime at = event.plus(Duration.ofMillis(5_000 + (long) (facts.draw(messageId, "lark-delay") * 35_000)));
        return event.isBefore(end) && at.isAfter(end) ? end : at;
    }

    private static LocalDateTime later(LocalDateTime t, LocalDateTime notBefore) {
        return t.isAfter(notBefore) ? t : notBefore.plusSeconds(1);
    }

    List<LarkMessage> messages(List<DemoAlert> alerts) {
        List<DemoAlert> sorted = new ArrayList<>(alerts);
        sorted.sort(Comparator.comparing(DemoAlert::startsAt).thenComparing(DemoAlert::fingerprint)
                .thenComparing(DemoAlert::name));
        Map<String, List<DemoAlert>> bursts = new LinkedHashMap<>();
        for (DemoAlert a : sorted) {
            String key = a.cluster().clusterId + "|" + a.name() + "|" + a.startsAt().truncatedTo(ChronoUnit.MINUTES);
            bursts.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        Set<DemoAlert> grouped = Collections.newSetFromMap(new IdentityHashMap<>());
        List<LarkMessage> messages = new ArrayList<>();
        bursts.forEach((key, members) -> {
            if (members.size() > 1 && facts.draw(key, "lark-group") < GROUPED_BURSTS) {
                grouped.addAll(members);
                messages.addAll(groupMessages(members));
            }
        });
        for (DemoAlert a : sorted) {
            if (!grouped.contains(a)) {
                messages.add(single(a, false));
                if (a.resolved()) {
                    messages.add(single(a, true));
                }
            }
        }
        messages.sort(Comparator.comparing(LarkMessage::createTime));
        return messages;
    }

    private LarkMessage single(DemoAlert a, boolean resolved) {
        return message(messageId(a, resolved), cards.styleOf(a), List.of(new Entry(a, resolved)), postedAt(a, resolved));
    }

    private List<LarkMessage> groupMessages(List<DemoAlert> members) {
        DemoAlert lead = members.getFirst();
        Style style = cards.styleOf(lead, members.size());
        LocalDateTime lastStart = members.stream().map(DemoAlert::startsAt).max(Comparator.naturalOrder()).orElseThrow();
        String firingId = messageId(lead, false);
        LocalDateTime firingAt = post(firingId, lastStart);
        List<LarkMessage> out = new ArrayList<>();
        out.add(message(firingId, style, members.stream().map(a -> new Entry(a, false)).toList(), firingAt));
        TreeSet<LocalDateTime> resolveMinutes = new TreeSet<>();
        members.stream().filter(DemoAlert::resolved).forEach(a -> resolveMinutes.add(minute(a.endsAt())));
        for (LocalDateTime m : resolveMinutes) {
            List<DemoAlert> resolvedNow = members.stream().filter(a -> a.resolved() && minute(a.endsAt()).equals(m)).toList();
            List<Entry> entries = new ArrayList<>();
            members.stream().filter(a -> !a.resolved() || minute(a.endsAt()).isAfter(m))
                    .forEach(a -> entries.add(new Entry(a, false)));
            resolvedNow.forEach(a -> entries.add(new Entry(a, true)));
            LocalDateTime lastEnd = resolvedNow.stream().map(DemoAlert::endsAt).max(Comparator.naturalOrder()).orElseThrow();
            String id = messageId(resolvedNow.getFirst(), true);
            out.add(message(id, style, entries, later(post(id, lastEnd), firingAt)));
        }
        return out;
    }

    private static LocalDateTime minute(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MINUTES);
    }

    private LarkMessage message(String id, Style style, List<Entry> entries, LocalDateTime at) {
        String content = AlertPayloads.compact(cards.content(style, entries, at));
        return new LarkMessage(id, style.msgType, content, at, entries.stream().map(Entry::alert).toList(),
                entries.stream().map(Entry::resolved).toList());
    }

    /** Every item of the chat, alert messages and the rest, in create_time order. */
    List<ObjectNode> items(List<LarkMessage> messages) {
        record Timed(LocalDateTime at, ObjectNode item) {}
        List<Timed> timed = new ArrayList<>();
        for (LarkMessage m : messages) {
            timed.add(new Timed(m.createTime(), item(m.messageId(), null, m.msgType(), m.createTime(), false, bot(), m.content())));
            double u = facts.draw(m.messageId(), "lark-noise");
            long after = (long) (facts.draw(m.messageId(), "noise-after") * 1_000);
            LocalDateTime at = m.createTime().plusSeconds(u < 0.03 ? 60 + after : 2 + after / 50);
            if (u >= 0.05 || at.isAfter(end)) {
                continue;
            }
            timed.add(new Timed(at, u < 0.03 ? reply(m, at)
                    : u < 0.04 ? item(noiseId(m, "recalled"), null, m.msgType(), at, true, bot(), "This message was recalled")
                    : item(noiseId(m, "placeholder"), null, "interactive", at, false, bot(), placeholder(m))));
        }
        timed.sort(Comparator.comparing(Timed::at));
        return timed.stream().map(Timed::item).toList();
    }

    private String noiseId(LarkMessage m, String kind) {
        return "om_" + facts.hex(32, chatId, m.messageId(), kind);
    }

    private ObjectNode reply(LarkMessage m, LocalDateTime at) {
        int pick = (int) (facts.draw(m.messageId(), "reply-text") * REPLIES.size());
        String text = REPLIES.get(pick).formatted(facts.clusterRef(m.alerts().getFirst()));
        boolean inThread = facts.draw(m.messageId(), "reply-thread") < 0.5;
        int user = (int) (facts.draw(m.messageId(), "reply-user") * ONCALL.size());
        ObjectNode item = item(noiseId(m, "reply"), inThread ? m.messageId() : null, "text", at, false, user(user),
                AlertPayloads.compact(NODES.objectNode().put("text", text)));
        if (text.startsWith("@_user_1")) {
            int other = (user + 1) % ONCALL.size();
            item.putArray("mentions").addObject().put("key", "@_user_1").put("id", openId(other)).put("id_type", "open_id")
                    .put("name", ONCALL.get(other)).put("tenant_key", tenantKey);
        }
        return item;
    }

    /** What a card 2.0 really reads back as: the upgrade placeholder, with no alert left in it. */
    private String placeholder(LarkMessage m) {
        ArrayNode runs = NODES.arrayNode();
        runs.addObject().put("tag", "img").put("image_key", "img_v3_02" + facts.hex(2, m.messageId()) + "_"
                + facts.hex(8, m.messageId(), "img"));
        runs.addObject().put("tag", "text").put("text", "请升级至最新版本客户端，以查看内容");
        runs.addObject().put("tag", "text").put("text", "");
        return AlertPayloads.compact(LarkReadBack.card(null, List.of(runs)));
    }

    private ObjectNode item(String id, String rootId, String msgType, LocalDateTime at, boolean deleted, ObjectNode sender,
                            String content) {
        ObjectNode item = NODES.objectNode();
        item.put("message_id", id);
        if (rootId != null) {
            item.put("root_id", rootId).put("parent_id", rootId);
        }
        String ms = Long.toString(AlertFacts.epochMilli(at));
        item.put("msg_type", msgType).put("create_time", ms).put("update_time", ms).put("deleted", deleted)
                .put("updated", false).put("chat_id", chatId);
        item.set("sender", sender);
        item.putObject("body").put("content", content);
        return item;
    }

    private ObjectNode bot() {
        return sender("cli_" + facts.hex(16, "app"), "app_id", "app");
    }

    private ObjectNode user(int i) {
        return sender(openId(i), "open_id", "user");
    }

    private String openId(int i) {
        return "ou_" + facts.hex(32, "user", Integer.toString(i));
    }

    private ObjectNode sender(String id, String idType, String senderType) {
        return NODES.objectNode().put("id", id).put("id_type", idType).put("sender_type", senderType)
                .put("tenant_key", tenantKey);
    }

    /** The {@code data} objects of the list API, 50 items a page, each naming the token of the next. */
    List<ObjectNode> pages(List<ObjectNode> items) {
        int count = Math.max(1, (items.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<ObjectNode> pages = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            ObjectNode data = NODES.objectNode();
            boolean more = p < count - 1;
            data.put("has_more", more);
            if (more) {
                data.put("page_token", pageToken(p + 1));
            }
            ArrayNode page = data.putArray("items");
            items.subList(p * PAGE_SIZE, Math.min(items.size(), (p + 1) * PAGE_SIZE)).forEach(page::add);
            pages.add(data);
        }
        return pages;
    }

    /** An opaque 88-character token like Lark's, for the page with this index. */
    private String pageToken(int page) {
        byte[] a = facts.digest(chatId, "page", Integer.toString(page));
        byte[] b = facts.digest(chatId, "page", Integer.toString(page), "tail");
        byte[] token = new byte[64];
        System.arraycopy(a, 0, token, 0, 32);
        System.arraycopy(b, 0, token, 32, 32);
        return Base64.getUrlEncoder().encodeToString(token);
    }
}
