package vn.speedwatch.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The tổ dân phố (TDP) boundaries of the ward, read from a GeoJSON FeatureCollection, and the
 * point-in-polygon lookup that enriches measurements with a TDP code.
 *
 * <p>Lookups go through an STR-tree of prepared geometries, so they stay fast with thousands of
 * areas. A point on an edge shared by several TDPs (or on a hole's edge) belongs to the one whose
 * code sorts first; a point in no TDP is {@link #OUTSIDE}. Immutable and safe to share between
 * threads once built. The file format is described in {@code docs/areas.md}.
 */
public final class AreaRegistry {

    /** The code of points outside every TDP (also reserved: no file may use it). */
    public static final String OUTSIDE = "OUTSIDE";

    /** Classpath location of the synthetic sample for phường Thủy Nguyên. */
    public static final String SAMPLE_RESOURCE = "/areas/thuy-nguyen-sample.geojson";

    /** WGS 84 (SRID 4326), x = longitude, y = latitude, full double precision. */
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private final String sourceName;
    private final boolean synthetic;
    private final List<Area> areas;
    private final Map<String, Area> byCode = new HashMap<>();
    private final STRtree index = new STRtree();

    private AreaRegistry(String sourceName, AreaFileReader.Result file) {
        this.sourceName = sourceName;
        this.synthetic = file.synthetic();
        List<AreaOverlaps.Entry> entries = new ArrayList<>();
        for (Area area : file.areas()) {
            AreaOverlaps.Entry entry =
                    new AreaOverlaps.Entry(
                            area,
                            PreparedGeometryFactory.prepare(area.geometry()),
                            entries.size() + 1);
            entries.add(entry);
            index.insert(area.geometry().getEnvelopeInternal(), entry);
            byCode.put(area.code(), area);
        }
        // Built eagerly: a lazy build on the first query would race between threads.
        index.build();
        List<String> overlaps = AreaOverlaps.find(entries, index);
        if (!overlaps.isEmpty()) {
            throw new AreaFormatException(sourceName, overlaps);
        }
        List<Area> sorted = new ArrayList<>(file.areas());
        sorted.sort(Comparator.comparing(Area::code));
        this.areas = List.copyOf(sorted);
    }

    /** The synthetic sample shipped in this jar (not official boundaries, see docs/areas.md). */
    public static AreaRegistry loadSample() {
        try (InputStream in = AreaRegistry.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "sample areas missing from classpath: " + SAMPLE_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SAMPLE_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SAMPLE_RESOURCE, e);
        }
    }

    /**
     * The areas of a GeoJSON file (UTF-8).
     *
     * @throws AreaFormatException listing every problem in the file
     * @throws UncheckedIOException when the file cannot be read
     */
    public static AreaRegistry load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TDP boundary file " + file + ": " + e, e);
        }
        return parse(json, file.toString());
    }

    /**
     * The areas of a GeoJSON text; {@code sourceName} names it in error messages.
     *
     * @throws AreaFormatException listing every problem in the text
     */
    public static AreaRegistry parse(String json, String sourceName) {
        return new AreaRegistry(sourceName, AreaFileReader.read(json, sourceName, FACTORY));
    }

    /** The TDP with this code (exact, as written in the file). */
    public Optional<Area> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** All TDPs, ordered by code. */
    public List<Area> areas() {
        return areas;
    }

    /**
     * The code of the TDP containing the point, or {@link #OUTSIDE}. Coordinates that are not
     * finite or not on Earth are outside every TDP rather than an error, so one bad value cannot
     * stop a stream job; validation rejects them before this is called.
     */
    public String locate(double lat, double lon) {
        return areaAt(lat, lon).map(Area::code).orElse(OUTSIDE);
    }

    /** The TDP containing the point (edges: lowest code wins), if any. */
    public Optional<Area> areaAt(double lat, double lon) {
        if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
            return Optional.empty();
        }
        Coordinate at = new Coordinate(lon, lat);
        Point point = FACTORY.createPoint(at);
        Area best = null;
        for (Object item : index.query(new Envelope(at))) {
            AreaOverlaps.Entry entry = (AreaOverlaps.Entry) item;
            boolean better = best == null || entry.area().code().compareTo(best.code()) < 0;
            if (better && entry.prepared().covers(point)) {
                best = entry.area();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The file or resource the areas came from, for logs. */
    public String sourceName() {
        return sourceName;
    }

    /** True when the file says {@code "synthetic": true}: the launcher warns about it. */
    public boolean synthetic() {
        return synthetic;
    }

    @Override
    public String toString() {
        return "AreaRegistry["
                + areas.size()
                + " areas from "
                + sourceName
                + (synthetic ? ", SYNTHETIC" : "")
                + "]";
    }
}
