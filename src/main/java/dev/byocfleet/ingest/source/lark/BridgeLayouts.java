package dev.byocfleet.ingest.source.lark;

import dev.byocfleet.ingest.source.lark.CardBlocks.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message into one draft per alert, by the layout of the bridge that wrote it
 * (refs/formats/NOTES.md 3e):
 * <ul>
 * <li>{@code counted}: XUJiahua's card, title {@code X [n] Firing [m] Resolved}, one block per alert:
 *     summary (and severity), description, {@code start ~ end|TO BE RESOLVED} in local time;</li>
 * <li>{@code sectioned}: PrometheusAlert's single lark_md text, one section per alert under a
 *     {@code Prometheus告警信息} / {@code 恢复信息} heading: the alert name, key/value lines, summary;</li>
 * <li>{@code labelled}: a text line {@code [FIRING:1] X key=value ...}, then key/value or free lines;</li>
 * <li>{@code keyed}: everything else: a title marker, key/value blocks (an alert's own block is one
 *     that names it, summarises it or gives its start; a block repeating one of those starts the
 *     next alert), a card-wide summary row before them and detail blocks after them matched to the
 *     alerts in order.</li>
 * </ul>
 */
final class BridgeLayouts {

    /** The alerts of a message and what the card as a whole says. */
    record Reading(String layout, AlertDraft card, List<AlertDraft> alerts) {}

    private static final Pattern RANGE = Pattern.compile("^(\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}[T ][0-9:.]+\\S*)\\s*~\\s*(.*)$");
    private static final Pattern SECTION = Pattern.compile("^\\W*(Prometheus|Grafana|PrometheusAlert)?\\s*(告警|恢复)信息\\W*$");
    private static final Pattern TRAILING_SEVERITY = Pattern.compile("^(.*?)\\s+(\\S+)$");

    private BridgeLayouts() {
    }

    static Reading read(String title, List<Block> blocks) {
        TitleMarker marker = TitleMarker.read(title);
        if (marker.counted()) {
            return counted(marker, blocks);
        }
        if (blocks.stream().flatMap(b -> b.lines().stream()).anyMatch(BridgeLayouts::isSectionHeading)) {
            return sectioned(blocks);
        }
        if (marker.present() && marker.name() != null && KeyValueLines.TOKEN.matcher(marker.name()).find()) {
            return labelled(marker, blocks);
        }
        return keyed(marker, blocks);
    }

    /** Whether the line heads a PrometheusAlert section ({@code Prometheus告警信息}). */
    static boolean isSectionHeading(String line) {
        return SECTION.matcher(line).matches();
    }

    private static AlertDraft cardDraft(TitleMarker marker) {
        AlertDraft card = new AlertDraft();
        card.name = marker.name();
        card.status = marker.status();
        return card;
    }

    private static Reading counted(TitleMarker marker, List<Block> blocks) {
        List<AlertDraft> alerts = new ArrayList<>();
        for (Block block : blocks) {
            List<String> lines = block.lines();
            int range = lastRange(lines);
            if (block.note() || range < 0) {
                continue;
            }
            AlertDraft a = new AlertDraft();
            Matcher times = RANGE.matcher(lines.get(range));
            times.matches();
            a.starts = new AlertDraft.Time(times.group(1), false);
            if (CardTimes.notEnded(times.group(2))) {
                a.status = "firing";
            } else {
                a.ends = new AlertDraft.Time(times.group(2), false);
                a.status = "resolved";
            }
            if (range > 0) {
                a.summary = headline(lines.getFirst(), block.links(), a);
            }
            List<String> middle = lines.subList(Math.min(1, range), range);
            KeyValueLines.read(middle, a);
            a.description = a.freeLines.isEmpty() ? null : String.join("\n", a.freeLines);
            a.scanProse(a.summary);
            a.scanProse(a.description);
            alerts.add(a);
        }
        return new Reading("counted", cardDraft(marker), alerts);
    }

    private static int lastRange(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = RANGE.matcher(lines.get(i));
            if (m.matches()) {
                return i;
            }
        }
        return -1;
    }

    /** The first line of a counted block: summary, an optional severity word, links (the generator URL). */
    private static String headline(String line, Map<String, String> links, AlertDraft a) {
        String s = line;
        for (var link : links.entrySet()) {
            if (!link.getKey().isEmpty() && s.contains(link.getKey()) && !s.strip().equals(link.getKey())) {
                a.generatorUrl = a.generatorUrl != null ? a.generatorUrl : link.getValue();
                s = s.replace(link.getKey(), " ");
            }
        }
        s = s.strip();
        Matcher m = TRAILING_SEVERITY.matcher(s);
        if (m.matches() && LarkVocabulary.severity(m.group(2)).isPresent()
                && m.group(2).equals(m.group(2).toUpperCase())) {
            a.severity = m.group(2);
            a.labels.put("severity", m.group(2));
            s = m.group(1).strip();
        }
        return s.isEmpty() ? null : s;
    }

    private static Reading sectioned(List<Block> blocks) {
        List<AlertDraft> alerts = new ArrayList<>();
        AlertDraft current = null;
        boolean seenPair = false;
        Map<String, String> links = new LinkedHashMap<>();
        blocks.forEach(b -> b.links().forEach(links::putIfAbsent));
        for (Block block : blocks) {
            for (String line : block.lines()) {
                Matcher heading = SECTION.matcher(line);
                if (heading.matches()) {
                    current = new AlertDraft();
                    current.status = heading.group(2).equals("恢复") ? "resolved" : "firing";
                    current.generatorUrl = links.get(line.strip());
                    alerts.add(current);
                    seenPair = false;
                } else if (current != null) {
                    if (KeyValueLines.isPair(line)) {
                        String before = current.status;
                        current.status = null;
                        KeyValueLines.read(List.of(line), current);
                        current.status = current.status != null ? current.status : before;
                        seenPair = true;
                    } else if (!seenPair && current.name == null) {
                        current.name = line;
                    } else if (current.summary == null) {
                        current.summary = line;
                    } else {
                        current.freeLines.add(line);
                    }
                }
            }
        }
        for (AlertDraft a : alerts) {
            a.description = a.freeLines.isEmpty() ? null : String.join("\n", a.freeLines);
            a.scanProse(a.summary);
            a.scanProse(a.description);
        }
        return new Reading("sectioned", new AlertDraft(), alerts);
    }

    private static Reading labelled(TitleMarker marker, List<Block> blocks) {
        AlertDraft a = new AlertDraft();
        a.status = marker.status();
        Matcher first = KeyValueLines.TOKEN.matcher(marker.name());
        first.find();
        a.name = marker.name().substring(0, first.start()).strip();
        KeyValueLines.readTokens(marker.name().substring(first.start()), a);
        blocks.forEach(b -> KeyValueLines.read(textLines(b), a));
        prose(a);
        return new Reading("labelled", new AlertDraft(), List.of(a));
    }

    private static Reading keyed(TitleMarker marker, List<Block> blocks) {
        AlertDraft card = cardDraft(marker);
        List<AlertDraft> alerts = new ArrayList<>();
        List<AlertDraft> details = new ArrayList<>();
        for (Block block : blocks) {
            if (block.note()) {
                continue;
            }
            AlertDraft d = new AlertDraft();
            int pairs = KeyValueLines.read(textLines(block), d);
            if (d.identifiesAnAlert()) {
                if (alerts.isEmpty() || alerts.getLast().overlaps(d) || !details.isEmpty()) {
                    alerts.add(d);
                } else {
                    alerts.getLast().absorb(d);
                }
            } else if (alerts.isEmpty()) {
                card.absorb(d);
            } else if (pairs > 0) {
                details.add(d);
            }
        }
        if (alerts.isEmpty() && (card.name != null || card.status != null)) {
            alerts.add(card);
        } else if (details.size() == alerts.size()) {
            for (int i = 0; i < alerts.size(); i++) {
                alerts.get(i).absorb(details.get(i));
            }
        } else if (alerts.size() == 1) {
            details.forEach(alerts.getFirst()::absorb);
        }
        alerts.forEach(BridgeLayouts::prose);
        return new Reading("keyed", card, alerts);
    }

    /** The block's lines but those that are only a link ("Alertmanager", "View in Grafana"). */
    private static List<String> textLines(Block block) {
        return block.lines().stream().filter(l -> !block.links().containsKey(l)).toList();
    }

    /** Summary and description from the named fields, else from the free lines; then looks through them. */
    private static void prose(AlertDraft a) {
        List<String> free = new ArrayList<>(a.freeLines);
        if (a.summary == null) {
            a.summary = a.detail != null ? a.detail : free.isEmpty() ? null : free.removeFirst();
        } else if (a.detail != null && a.description == null) {
            a.description = a.detail;
        }
        if (a.description == null && !free.isEmpty()) {
            a.description = String.join("\n", free);
        }
        a.scanProse(a.summary);
        a.scanProse(a.description);
    }
}
