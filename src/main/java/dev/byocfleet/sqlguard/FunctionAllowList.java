package dev.byocfleet.sqlguard;

import java.util.Locale;
import java.util.Set;

/**
 * Functions guarded SQL may call: aggregates, window functions and pure scalar functions common in
 * fleet analysis on DuckDB and StarRocks. Everything else is refused by name, which keeps out the
 * functions that read files or URLs ({@code read_csv}, {@code files}, {@code load_file}), reveal
 * configuration or secrets ({@code getenv}, {@code current_setting}, {@code duckdb_secrets}), change
 * state ({@code nextval}, {@code setval}) or only burn time and memory ({@code sleep}, {@code range} of 10^12,
 * {@code repeat} and {@code lpad} to a gigabyte).
 */
final class FunctionAllowList {

    private static final Set<String> FUNCTIONS = Set.of(
            // aggregates
            "count", "sum", "avg", "min", "max", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop",
            "var_samp", "median", "mode", "quantile", "quantile_cont", "quantile_disc", "percentile_cont",
            "percentile_disc", "percentile_approx", "approx_quantile", "approx_count_distinct", "ndv", "count_if",
            "any_value", "arg_max", "arg_min", "max_by", "min_by", "first", "last", "bool_and", "bool_or",
            "string_agg", "group_concat", "array_agg", "list", "corr", "covar_pop", "covar_samp", "regr_slope",
            "regr_intercept", "regr_r2", "regr_count", "histogram", "entropy", "kurtosis", "skewness", "product",
            // window functions
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
            "last_value", "nth_value",
            // conditionals and types
            "coalesce", "ifnull", "nullif", "nvl", "if", "iff", "greatest", "least", "cast", "try_cast", "typeof",
            // numbers
            "abs", "ceil", "ceiling", "floor", "round", "trunc", "truncate", "sqrt", "cbrt", "power", "pow", "exp",
            "ln", "log", "log10", "log2", "sign", "mod", "pi", "radians", "degrees", "isnan", "isinf", "isfinite",
            "width_bucket",
            // text
            "lower", "upper", "lcase", "ucase", "length", "char_length", "character_length", "octet_length", "trim",
            "ltrim", "rtrim", "btrim", "substr", "substring", "left", "right", "concat", "concat_ws", "replace",
            "split_part", "strpos", "position", "instr", "locate", "starts_with", "ends_with", "contains", "prefix",
            "suffix", "regexp_matches", "regexp_replace", "regexp_extract", "regexp_like", "regexp", "reverse",
            "md5", "format", "printf", "initcap", "ascii", "chr", "string_split", "split",
            // JSON
            "json_extract", "json_extract_string", "json_extract_path", "json_extract_path_text", "json_value",
            "json_query", "json_exists", "json_keys", "json_length", "json_array_length", "json_type", "json_valid",
            "json_object", "json_array", "to_json", "parse_json", "get_json_string", "get_json_int",
            "get_json_double", "get_json_bool", "json_string",
            // time
            "now", "current_timestamp", "current_date", "current_time", "date_trunc", "date_part", "datepart",
            "extract", "date_diff", "datediff", "date_sub", "date_add", "timestampdiff", "timestampadd",
            "to_timestamp", "epoch", "epoch_ms", "strftime", "strptime", "date_format", "str_to_date", "year", "month",
            "day", "hour", "minute", "second", "dayofweek", "dayofmonth", "dayofyear", "week", "weekofyear",
            "quarter", "last_day", "make_date", "make_timestamp", "time_bucket", "time_slice", "date_slice",
            "from_unixtime", "unix_timestamp", "to_date", "age", "dayname", "monthname", "days_diff", "hours_diff",
            "minutes_diff", "seconds_diff", "years_diff", "months_diff", "weeks_diff",
            // lists
            "array_length", "len", "cardinality", "unnest", "list_contains", "array_contains", "list_extract",
            "array_extract", "list_sort", "array_sort", "list_distinct", "array_distinct", "list_value");

    private FunctionAllowList() {
    }

    static boolean allows(String name) {
        return FUNCTIONS.contains(name.toLowerCase(Locale.ROOT));
    }
}
