package vn.speedwatch.warehouse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Reads and writes {@code areas}, the tổ dân phố boundaries loaded from the area registry. */
public final class AreaRepository {

    private final Jdbc jdbc;

    public AreaRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Inserts or replaces the areas (keyed by code) in one transaction. */
    public int upsert(List<AreaRow> rows) {
        return jdbc.batch(
                "upserting " + rows.size() + " areas", Sql.AREA_UPSERT, rows, AreaRepository::bind);
    }

    /** Every area, by code. */
    public List<AreaRow> findAll() {
        return jdbc.query("finding areas", Sql.AREA_FIND_ALL, AreaRepository::read);
    }

    private static void bind(PreparedStatement ps, AreaRow r) throws SQLException {
        ps.setString(1, r.code());
        ps.setString(2, r.name());
        ps.setString(3, r.ward());
        Jdbc.setInteger(ps, 4, r.population());
        ps.setString(5, r.geometry());
        Jdbc.setDouble(ps, 6, r.culturalHouseLat());
        Jdbc.setDouble(ps, 7, r.culturalHouseLon());
    }

    private static AreaRow read(ResultSet rs) throws SQLException {
        return new AreaRow(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("ward"),
                Jdbc.nullableInt(rs, "population"),
                rs.getString("geometry"),
                Jdbc.nullableDouble(rs, "cultural_house_lat"),
                Jdbc.nullableDouble(rs, "cultural_house_lon"));
    }
}
