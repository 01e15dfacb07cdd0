package dev.byocfleet.store;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Rows as records, a column per record component by its snake_case name (case-insensitive; the
 * component's own name is accepted too), values read and converted as Spring's
 * {@code SimplePropertyRowMapper} does ({@link JdbcUtils#getResultSetValue}, then the shared
 * conversion service). A component without a column is an error naming it, as with Spring's; SQL
 * NULL into a primitive component is its default (0, false), where Spring's fails.
 *
 * <p>Why not Spring's: it looks every column up by name on every row, trying the component's own
 * name first, and the DuckDB driver answers a miss with a new {@link SQLException}; with its
 * per-value conversion lookups that cost more CPU than the query itself on a 50-row page. This one
 * resolves the columns once per result set. Use a fresh mapper per query ({@link #of}): it keeps
 * the column positions of the result set it last read.
 */
public final class RecordRows<R extends Record> implements RowMapper<R> {

    /** What is fixed per record type: its canonical constructor, components and their SELECT list. */
    private record Shape(Constructor<?> constructor, String[] snakeNames, String[] names, Class<?>[] types,
                         TypeDescriptor[] descriptors, String columnList) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            String[] names = new String[components.length];
            String[] snake = new String[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                names[i] = components[i].getName();
                snake[i] = JdbcUtils.convertPropertyNameToUnderscoreName(components[i].getName());
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                TypeDescriptor[] descriptors = new TypeDescriptor[components.length];
                for (int i = 0; i < components.length; i++) {
                    descriptors[i] = new TypeDescriptor(new MethodParameter(constructor, i));
                }
                return new Shape(constructor, snake, names, types, descriptors, String.join(", ", snake));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
            }
        }
    };

    private static final Map<Class<?>, Object> PRIMITIVE_DEFAULTS = Map.of(
            boolean.class, false, byte.class, (byte) 0, short.class, (short) 0, int.class, 0, long.class, 0L,
            float.class, 0f, double.class, 0d, char.class, '\0');

    private final Class<R> type;
    private final Shape shape;
    private final ConversionService conversions = DefaultConversionService.getSharedInstance();
    private @Nullable ResultSet resolvedFor;
    /** Per component its column (1-based). */
    private int[] columns = new int[0];

    private RecordRows(Class<R> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        this.type = type;
        this.shape = SHAPES.get(type);
    }

    /**
     * The record's components as a SELECT list of their snake_case column names, in component order;
     * made once per record type.
     */
    public static String columnList(Class<? extends Record> type) {
        return SHAPES.get(type).columnList();
    }

    /** The record's components' snake_case column names, in component order. */
    public static List<String> columnNames(Class<? extends Record> type) {
        return List.of(SHAPES.get(type).snakeNames());
    }

    /** A mapper for one query's rows. */
    public static <R extends Record> RecordRows<R> of(Class<R> type) {
        return new RecordRows<>(type);
    }

    @Override
    public R mapRow(ResultSet rs, int rowNum) throws SQLException {
        if (rs != resolvedFor) {
            columns = resolve(rs.getMetaData());
            resolvedFor = rs;
        }
        Object[] args = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Object value = JdbcUtils.getResultSetValue(rs, columns[i], shape.types()[i]);
            if (value != null && !wraps(shape.types()[i], value)) {
                value = conversions.convert(value, TypeDescriptor.forObject(value), shape.descriptors()[i]);
            }
            args[i] = value == null && shape.types()[i].isPrimitive() ? PRIMITIVE_DEFAULTS.get(shape.types()[i]) : value;
        }
        try {
            return type.cast(shape.constructor().newInstance(args));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("cannot make a " + type.getSimpleName() + " of row " + rowNum, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName() + " of row " + rowNum, e);
        }
    }

    private int[] resolve(ResultSetMetaData meta) throws SQLException {
        Map<String, Integer> byName = new HashMap<>();
        for (int c = meta.getColumnCount(); c >= 1; c--) {
            // the first of two equal labels wins, as a lookup by name finds it
            byName.put(JdbcUtils.lookupColumnName(meta, c).toLowerCase(Locale.ROOT), c);
        }
        int[] resolved = new int[shape.names().length];
        for (int i = 0; i < resolved.length; i++) {
            Integer c = byName.get(shape.names()[i].toLowerCase(Locale.ROOT));
            if (c == null) {
                c = byName.get(shape.snakeNames()[i]);
            }
            if (c == null) {
                throw new SQLException("no column " + shape.snakeNames()[i] + " for " + type.getSimpleName() + "."
                        + shape.names()[i] + " in the result");
            }
            resolved[i] = c;
        }
        return resolved;
    }

    private static boolean wraps(Class<?> type, Object value) {
        if (type.isInstance(value)) {
            return true;
        }
        return type.isPrimitive() && PRIMITIVE_DEFAULTS.get(type).getClass().isInstance(value);
    }
}
