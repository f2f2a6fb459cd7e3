package vn.speedwatch.dashboards;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rows a panel query returned, with column names and JDBC types, as Grafana would get. */
record QueryResult(List<String> columns, List<Integer> types, List<List<Object>> rows) {

    private static final Set<Integer> NUMERIC =
            Set.of(
                    Types.BIGINT,
                    Types.INTEGER,
                    Types.SMALLINT,
                    Types.DOUBLE,
                    Types.REAL,
                    Types.FLOAT,
                    Types.NUMERIC,
                    Types.DECIMAL);
    private static final Set<Integer> TIME =
            Set.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE);
    private static final Set<Integer> TEXT =
            Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.OTHER);

    static QueryResult of(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
            types.add(md.getColumnType(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return new QueryResult(columns, types, rows);
    }

    boolean isNumeric(int column) {
        return NUMERIC.contains(types.get(column));
    }

    boolean isTime(int column) {
        return TIME.contains(types.get(column));
    }

    boolean isText(int column) {
        return TEXT.contains(types.get(column));
    }

    int column(String name) {
        return columns.indexOf(name);
    }

    /** Every non-null value of the numeric columns. */
    List<Double> numbers() {
        List<Double> out = new ArrayList<>();
        for (List<Object> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (isNumeric(i) && row.get(i) != null) {
                    out.add(((Number) row.get(i)).doubleValue());
                }
            }
        }
        return out;
    }

    /** The rows as column → value maps, for assertions that read like the table. */
    List<Map<String, Object>> maps() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i), row.get(i));
            }
            out.add(m);
        }
        return out;
    }
}
