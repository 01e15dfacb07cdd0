package dev.byocfleet.sqlguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A small lexer for what the parser does not see or sees differently: comments (optimizer hints and
 * MySQL executable comments live there), statement separators, nesting depth, the first keyword and
 * every {@code name(} call in the text. Strings, quoted identifiers and comments are skipped the way
 * DuckDB and StarRocks read them, so a keyword inside a string literal is never mistaken for code.
 */
final class SqlText {

    /** A word (or quoted identifier) directly followed by an opening parenthesis. */
    record Call(String name, boolean quoted, String previousWord) {
    }

    /** What one pass over the text found. */
    record Scan(Optional<String> firstWord, int maxDepth, boolean hintComment, boolean executableComment,
                boolean hashComment, boolean backslash, boolean unterminated, boolean controlCharacter,
                int statementSeparators, boolean codeAfterSeparator, List<Call> calls) {
    }

    private SqlText() {
    }

    static Scan scan(String sql) {
        List<Call> calls = new ArrayList<>();
        String firstWord = null;
        String previousWord = null;
        int depth = 0;
        int maxDepth = 0;
        boolean hint = false;
        boolean executable = false;
        boolean unterminated = false;
        boolean control = false;
        boolean hash = false;
        int separators = 0;
        boolean codeAfterSeparator = false;
        int n = sql.length();
        int i = 0;
        // A pending word or quoted identifier: becomes a call when the next code character is '('.
        String pending = null;
        boolean pendingQuoted = false;
        String pendingPrevious = null;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == 0 || (Character.isISOControl(c) && !Character.isWhitespace(c))) {
                control = true;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '#') {
                // A comment on StarRocks (MySQL) but not on DuckDB or the parser: read it as StarRocks would.
                hash = true;
            }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                if (i + 2 < n && sql.charAt(i + 2) == '+') {
                    hint = true;
                }
                if (i + 2 < n && sql.charAt(i + 2) == '!') {
                    executable = true;
                }
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    unterminated = true;
                    break;
                }
                i = end + 2;
                continue;
            }
            if (separators > 0 && c != ';') {
                codeAfterSeparator = true;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(sql, i, c);
                if (end < 0) {
                    unterminated = true;
                    break;
                }
                if (c != '\'') {
                    pending = sql.substring(i + 1, end).replace(String.valueOf(c) + c, String.valueOf(c));
                    pendingQuoted = true;
                    pendingPrevious = previousWord;
                    previousWord = null;
                } else {
                    pending = null;
                    previousWord = null;
                }
                i = end + 1;
                continue;
            }
            if (c == '$' && i + 1 < n && (sql.charAt(i + 1) == '$' || Character.isLetter(sql.charAt(i + 1)))) {
                int tagEnd = sql.indexOf('$', i + 1);
                String tag = tagEnd < 0 ? null : sql.substring(i, tagEnd + 1);
                if (tag != null && tag.substring(1, tag.length() - 1).chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                    int end = sql.indexOf(tag, tagEnd + 1);
                    if (end < 0) {
                        unterminated = true;
                        break;
                    }
                    pending = null;
                    previousWord = null;
                    i = end + tag.length();
                    continue;
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                String word = sql.substring(start, i);
                if (firstWord == null) {
                    firstWord = word.toUpperCase(Locale.ROOT);
                }
                pending = word;
                pendingQuoted = false;
                pendingPrevious = previousWord;
                previousWord = word.toUpperCase(Locale.ROOT);
                continue;
            }
            if (c == '(') {
                if (pending != null) {
                    calls.add(new Call(pending, pendingQuoted, pendingPrevious));
                }
                depth++;
                maxDepth = Math.max(maxDepth, depth);
            } else if (c == ')') {
                depth--;
            } else if (c == ';') {
                separators++;
            }
            if (c != '.') {
                previousWord = null;
            }
            // "schema.func(" is a call of func: the word after the dot becomes the pending one.
            pending = null;
            i++;
        }
        // Backslashes escape quotes in StarRocks strings but not in DuckDB's or the parser's: any of
        // them would let the two read a string's end differently.
        boolean backslash = sql.indexOf('\\') >= 0;
        return new Scan(Optional.ofNullable(firstWord), maxDepth, hint, executable, hash, backslash, unterminated,
                control, separators, codeAfterSeparator, calls);
    }

    /** Index of the quote closing the one at {@code start}; a doubled quote is an escaped one. */
    private static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }
}
