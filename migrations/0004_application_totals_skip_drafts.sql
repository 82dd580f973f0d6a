-- application_totals counts only applications outside draft and withdrawn (COUNTED_AS_SUBMITTED). A statement
-- whose old and new rows are all drafts or withdrawn (every autosave, every new draft) cannot change the table:
-- the trigger now returns at once for it instead of planning and running the aggregation and upsert (about
-- half the database time of an autosave). The delta also carries only the columns the sums need, not the
-- ~30 KB content of each row. Otherwise the same as 0003.
CREATE OR REPLACE FUNCTION application_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counted CONSTANT text[] := '{submitted,admitted,rejected,under_review,reviewed,winner,not_supported}';
  touches_counted boolean := false;
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, competition_id, region_code, direction_code, status, requested_kopecks, awarded_kopecks FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, competition_id, region_code, direction_code, status, requested_kopecks, awarded_kopecks FROM old_rows'
    ELSE 'SELECT 1 AS sign, competition_id, region_code, direction_code, status, requested_kopecks, awarded_kopecks FROM new_rows'
      || ' UNION ALL SELECT -1 AS sign, competition_id, region_code, direction_code, status, requested_kopecks, awarded_kopecks FROM old_rows' END;
BEGIN
  -- Each transition table exists only for the operations that have it, hence the separate checks.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    touches_counted := EXISTS (SELECT 1 FROM new_rows WHERE status = ANY (counted));
  END IF;
  IF NOT touches_counted AND TG_OP IN ('UPDATE', 'DELETE') THEN
    touches_counted := EXISTS (SELECT 1 FROM old_rows WHERE status = ANY (counted));
  END IF;
  IF NOT touches_counted THEN
    RETURN NULL;
  END IF;
  EXECUTE format($sql$
    INSERT INTO application_totals AS t (competition_id, region_code, direction_code, submitted, admitted, winners, requested_kopecks, awarded_kopecks)
    SELECT competition_id, region_code, coalesce(direction_code, ''), sum(sign),
      coalesce(sum(sign) FILTER (WHERE status IN ('admitted', 'under_review', 'reviewed', 'winner', 'not_supported')), 0),
      coalesce(sum(sign) FILTER (WHERE status = 'winner'), 0),
      sum(sign * requested_kopecks),
      coalesce(sum(sign * coalesce(awarded_kopecks, 0)) FILTER (WHERE status = 'winner'), 0)
    FROM (%s) d
    WHERE status IN ('submitted', 'admitted', 'rejected', 'under_review', 'reviewed', 'winner', 'not_supported')
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT (competition_id, region_code, direction_code) DO UPDATE SET
      submitted = t.submitted + excluded.submitted,
      admitted = t.admitted + excluded.admitted,
      winners = t.winners + excluded.winners,
      requested_kopecks = t.requested_kopecks + excluded.requested_kopecks,
      awarded_kopecks = t.awarded_kopecks + excluded.awarded_kopecks
  $sql$, delta);
  RETURN NULL;
END $$;
