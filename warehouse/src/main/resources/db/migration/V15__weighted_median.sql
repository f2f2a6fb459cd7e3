-- V15: the sample-weighted median the dashboards compute per group (issue #7). A range's median
-- is the median of the daily (or hourly) cell medians weighted by their sample counts, because
-- the DDSketches cannot be merged in SQL. Panels used to get it from window sums over all rows
-- of the range: every row sorted and run through a window once per metric (the grid's ~65 k
-- cell-days spilled to disk). Now each group sorts only its own rows, in C, by
--   weighted_median(array_agg(v ORDER BY v), array_agg(n ORDER BY v))
-- and this function walks the cumulative weights of those few hundred values.
--
-- The result is the smallest value whose cumulative weight (values ascending) reaches half the
-- total weight: tied values count together; NULL values add to the total but are never the
-- median (ORDER BY puts them last); NULL weights add nothing (only NULL weights: no median);
-- with a total of 0 the smallest value is the median; no rows: NULL. Exactly what the window
-- sums gave.
-- PL/pgSQL, no C: the same on PostgreSQL and in the TimescaleDB test server (PGlite).
CREATE OR REPLACE FUNCTION weighted_median(ascending_values double precision[], weights bigint[])
RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    total bigint;
    cum bigint := 0;
    first_weighted integer;
    w bigint;
    i integer := 0;
BEGIN
    IF weights IS NULL THEN
        RETURN NULL;  -- array_agg of no rows
    END IF;
    FOREACH w IN ARRAY weights LOOP
        i := i + 1;
        IF w IS NOT NULL THEN
            total := coalesce(total, 0) + w;
            first_weighted := coalesce(first_weighted, i);
        END IF;
    END LOOP;
    IF total IS NULL THEN
        RETURN NULL;
    END IF;
    -- Values before the first weight have no cumulative weight at all (a window sum of NULLs).
    FOR i IN first_weighted .. i LOOP
        cum := cum + coalesce(weights[i], 0);
        IF 2 * cum >= total AND ascending_values[i] IS NOT NULL THEN
            RETURN ascending_values[i];
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;
