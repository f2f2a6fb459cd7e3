package vn.speedwatch.jobs.sources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import vn.speedwatch.warehouse.MeasurementRepository;
import vn.speedwatch.warehouse.RawMeasurementRow;

/**
 * Reads every raw row of a time range, one cell (TDP × operator × access type) at a time through
 * {@link MeasurementRepository#findCell}, so the rebuild reads rows exactly as the warehouse maps
 * them. The one query of this module, listing the cells, is {@link #CELLS_IN_RANGE}.
 */
public final class RawRangeReader {

    /**
     * The cells with raw rows in {@code [from, to)}; served by {@code measurements_raw_cell_idx}.
     */
    static final String CELLS_IN_RANGE =
            """
            SELECT DISTINCT tdp_code, operator, access_type
              FROM measurements_raw
             WHERE measured_at >= ? AND measured_at < ?
             ORDER BY tdp_code, operator, access_type\
            """;

    private final DataSource dataSource;

    public RawRangeReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void forEach(Instant from, Instant to, Consumer<RawMeasurementRow> consumer) {
        MeasurementRepository raw = new MeasurementRepository(dataSource);
        for (String[] cell : cells(from, to)) {
            raw.findCell(cell[0], cell[1], cell[2], from, to).forEach(consumer);
        }
    }

    private List<String[]> cells(Instant from, Instant to) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CELLS_IN_RANGE)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            List<String[]> cells = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cells.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            return cells;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list raw cells " + from + " .. " + to, e);
        }
    }
}
