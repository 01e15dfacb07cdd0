package dev.byocfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** {@link RecordRows} reads exactly what Spring's {@link SimplePropertyRowMapper} reads, for every type the repositories use. */
class RecordRowsTest {

    enum Mood { CALM, ANGRY }

    /** Every kind of component: primitives, boxes, widening (INTEGER into long), text into an enum. */
    record Row(long id, @Nullable String name, int small, @Nullable Integer boxedSmall, @Nullable Long widened,
               double ratio, @Nullable Double boxedRatio, boolean flag, @Nullable Boolean boxedFlag,
               @Nullable BigDecimal amount, @Nullable LocalDateTime seenAt, @Nullable LocalDate day, @Nullable Mood mood,
               @Nullable String json) {
    }

    record Narrow(String name) {
    }

    record Moody(@Nullable Mood mood) {
    }

    record Counts(int small, double ratio, boolean flag) {
    }

    record Labels(long id, @Nullable String name, @Nullable Integer boxedSmall, @Nullable LocalDateTime seenAt) {
    }

    private SingleConnectionDataSource source;
    private JdbcClient jdbc;

    @BeforeEach
    void store() {
        source = new SingleConnectionDataSource("jdbc:duckdb:", true);
        jdbc = JdbcClient.create(source);
        jdbc.sql("""
                CREATE TABLE t (id BIGINT, name VARCHAR, small INTEGER, boxed_small INTEGER, widened INTEGER,
                  ratio DOUBLE, boxed_ratio DOUBLE, flag BOOLEAN, boxed_flag BOOLEAN, amount DECIMAL(18,4),
                  seen_at TIMESTAMP, day DATE, mood VARCHAR, json JSON)""").update();
        jdbc.sql("""
                INSERT INTO t VALUES
                  (1, 'ä 𝔘 full', 7, 8, 9, 1.5, 2.5, true, false, 12.3456, TIMESTAMP '2026-11-30 05:00:01.123456',
                   DATE '2026-11-30', 'ANGRY', '{"a": [1, 2]}'),
                  (2, NULL, 0, NULL, NULL, 0, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL),
                  (3, '', -1, 0, -2147483648, -0.0, 1e300, false, true, -0.0001, TIMESTAMP '1970-01-01 00:00:00',
                   DATE '0001-01-01', 'CALM', 'null')""").update();
    }

    @AfterEach
    void close() {
        source.destroy();
    }

    @Test
    void readsWhatSpringsMapperReads() {
        String sql = "SELECT * FROM t ORDER BY id";
        List<Row> ours = jdbc.sql(sql).query(RecordRows.of(Row.class)).list();
        List<Row> springs = jdbc.sql(sql).query(new SimplePropertyRowMapper<>(Row.class)).list();
        assertThat(ours).hasSize(3).isEqualTo(springs);
        assertThat(ours.get(0).widened()).isEqualTo(9L);
        assertThat(ours.get(0).mood()).isEqualTo(Mood.ANGRY);
        assertThat(ours.get(1).small()).isZero();
        assertThat(ours.get(1).boxedSmall()).isNull();
        assertThat(ours.get(1).flag()).isFalse();
        assertThat(ours.get(1).boxedFlag()).isNull();
    }

    @Test
    void columnsAreFoundByLabelInAnyCaseAndByTheComponentsOwnName() {
        String sql = "SELECT id AS ID, name AS \"Name\", boxed_small AS boxedSmall, seen_at FROM t ORDER BY id";
        List<Labels> ours = jdbc.sql(sql).query(RecordRows.of(Labels.class)).list();
        assertThat(ours).isEqualTo(jdbc.sql(sql).query(new SimplePropertyRowMapper<>(Labels.class)).list());
        assertThat(ours.get(0).boxedSmall()).isEqualTo(8);
        assertThat(ours.get(0).seenAt()).isEqualTo(LocalDateTime.of(2026, 11, 30, 5, 0, 1, 123_456_000));
    }

    @Test
    void oneMapperReadsSeveralResultSetsWithTheirOwnColumnOrder() {
        RecordRows<Narrow> rows = RecordRows.of(Narrow.class);
        assertThat(jdbc.sql("SELECT id, name FROM t WHERE id = 1").query(rows).single().name()).isEqualTo("ä 𝔘 full");
        assertThat(jdbc.sql("SELECT name, id FROM t WHERE id = 3").query(rows).single().name()).isEmpty();
    }

    @Test
    void aValueThatCannotBecomeTheComponentsTypeIsAnErrorNamingTheType() {
        assertThatThrownBy(() -> jdbc.sql("SELECT 'SAD' AS mood").query(RecordRows.of(Moody.class)).single())
                .hasMessageContaining("Mood");
    }

    @Test
    void sqlNullIntoAPrimitiveIsItsDefaultWhereSpringsMapperFails() {
        String sql = "SELECT NULL::INTEGER AS small, NULL::DOUBLE AS ratio, NULL::BOOLEAN AS flag";
        assertThat(jdbc.sql(sql).query(RecordRows.of(Counts.class)).single()).isEqualTo(new Counts(0, 0, false));
        assertThatThrownBy(() -> jdbc.sql(sql).query(new SimplePropertyRowMapper<>(Counts.class)).single())
                .hasStackTraceContaining("primitive");
    }

    @Test
    void aComponentWithoutAColumnIsAnErrorNamingIt() {
        assertThatThrownBy(() -> jdbc.sql("SELECT id, name FROM t").query(RecordRows.of(Labels.class)).list())
                .hasMessageContaining("boxed_small").hasMessageContaining("Labels");
    }

    @Test
    void aRecordsColumnListIsItsComponentsInSnakeCase() {
        assertThat(RecordRows.columnList(Labels.class)).isEqualTo("id, name, boxed_small, seen_at");
        String sql = "SELECT " + RecordRows.columnList(Labels.class) + " FROM t WHERE id = 1";
        assertThat(jdbc.sql(sql).query(RecordRows.of(Labels.class)).single().boxedSmall()).isEqualTo(8);
    }

    @Test
    void onlyRecordsAreMapped() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Record> notARecord = (Class) String.class;
        assertThatThrownBy(() -> RecordRows.of(notARecord)).hasMessageContaining("not a record");
    }
}
