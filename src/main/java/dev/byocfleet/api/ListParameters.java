package dev.byocfleet.api;

import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Request parameters every list endpoint reads the same way. A bad value fails with
 * {@link InvalidParameterException} naming the parameter as the API spells it.
 */
public final class ListParameters {

    /** A sort order: a field of the list's sort enum and a direction. */
    public record Sort<E extends Enum<E>>(E field, boolean descending) {}

    private ListParameters() {
    }

    /**
     * {@code sort} as {@code field}, {@code field,asc} or {@code field,desc}, case-insensitive, the
     * field being an enum constant's name in lower case; a bare field sorts ascending; null or
     * blank gives {@code fallback}.
     */
    public static <E extends Enum<E>> Sort<E> sort(@Nullable String value, Class<E> fields, Sort<E> fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String[] parts = value.split(",", -1);
        E field = Arrays.stream(fields.getEnumConstants())
                .filter(f -> apiName(f).equals(parts[0].strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException("sort", "sort field must be one of "
                        + String.join(", ", Arrays.stream(fields.getEnumConstants()).map(ListParameters::apiName).toList())));
        if (parts.length > 2) {
            throw new InvalidParameterException("sort", "sort must be 'field' or 'field,asc|desc'");
        }
        boolean descending = false;
        if (parts.length == 2) {
            String direction = parts[1].strip().toLowerCase(Locale.ROOT);
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new InvalidParameterException("sort", "sort direction must be asc or desc");
            }
            descending = direction.equals("desc");
        }
        return new Sort<>(field, descending);
    }

    /** Checks a page request: page from 0, size from 1 to {@code maxSize}, a sort present. */
    public static void checkPage(int page, int size, int maxSize, @Nullable Object sort) {
        if (page < 0) {
            throw new InvalidParameterException("page", "page must be 0 or more");
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidParameterException("size", "size must be between 1 and " + maxSize);
        }
        if (sort == null) {
            throw new InvalidParameterException("sort", "sort is required");
        }
    }

    /** A text filter, stripped; null when absent or blank; at most {@code maxLength} characters. */
    public static @Nullable String text(String parameter, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > maxLength) {
            throw new InvalidParameterException(parameter, parameter + " must be at most " + maxLength + " characters");
        }
        return v;
    }

    /** How a sort field is spelled in the API: the constant's name in lower case. */
    public static String apiName(Enum<?> field) {
        return field.name().toLowerCase(Locale.ROOT);
    }
}
