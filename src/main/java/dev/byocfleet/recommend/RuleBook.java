package dev.byocfleet.recommend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The advice per official StarRocks alert rule, from {@code recommend/alert-rules.yml}. */
final class RuleBook {

    /** One rule: see the resource file for what each part holds. */
    record Rule(String name, List<String> aliases, String metric, String means, List<String> check, String like,
                String doc) {

        Rule {
            aliases = aliases == null ? List.of() : aliases;
            check = check == null ? List.of() : check;
        }
    }

    private record File(List<Rule> rules) {}

    private final Map<String, Rule> byName = new HashMap<>();

    RuleBook(List<Rule> rules) {
        for (Rule r : rules) {
            byName.put(key(r.name()), r);
            r.aliases().forEach(a -> byName.put(key(a), r));
        }
    }

    static RuleBook load() {
        try (InputStream in = RuleBook.class.getResourceAsStream("/recommend/alert-rules.yml")) {
            if (in == null) {
                throw new IllegalStateException("recommend/alert-rules.yml is missing from the classpath");
            }
            return new RuleBook(YAMLMapper.builder().build().readValue(in, File.class).rules());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule of an alert name: as written, case and spacing aside, with or without a trailing "Alert". */
    Optional<Rule> find(String alertName) {
        if (alertName == null) {
            return Optional.empty();
        }
        String k = key(alertName);
        Rule r = byName.get(k);
        if (r == null) {
            r = byName.get(k.endsWith(" alert") ? k.substring(0, k.length() - 6) : k + " alert");
        }
        return Optional.ofNullable(r);
    }

    /** The check steps of a rule followed by those of the rule it is like. */
    List<String> steps(Rule rule) {
        List<String> steps = new java.util.ArrayList<>(rule.check());
        if (rule.like() != null) {
            find(rule.like()).ifPresent(other -> other.check().stream().filter(s -> !steps.contains(s)).forEach(steps::add));
        }
        return steps;
    }

    int size() {
        return (int) byName.values().stream().distinct().count();
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
