-- application_totals is maintained by statement-level triggers on applications, in the same transaction as
-- the change: each statement's old rows are subtracted and its new rows added, one upsert per
-- (competition, region, direction) touched, in key order (so that two bulk changes lock rows in one order).
-- Counted as submitted: neither draft nor withdrawn (COUNTED_AS_SUBMITTED in packages/shared/src/enums.ts);
-- admitted: passed screening (COUNTED_AS_ADMITTED). test/db/application-totals.test.ts checks the table
-- against a fresh aggregation after random changes.
CREATE FUNCTION application_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows' END;
BEGIN
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
--> statement-breakpoint
-- The sums of a fresh aggregation: what the table must always equal. Also rebuilds it after a bulk load made
-- with triggers disabled (session_replication_role = replica).
CREATE FUNCTION application_totals_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM application_totals;
  INSERT INTO application_totals (competition_id, region_code, direction_code, submitted, admitted, winners, requested_kopecks, awarded_kopecks)
  SELECT competition_id, region_code, coalesce(direction_code, ''), count(*),
    count(*) FILTER (WHERE status IN ('admitted', 'under_review', 'reviewed', 'winner', 'not_supported')),
    count(*) FILTER (WHERE status = 'winner'),
    sum(requested_kopecks),
    coalesce(sum(coalesce(awarded_kopecks, 0)) FILTER (WHERE status = 'winner'), 0)
  FROM applications
  WHERE status IN ('submitted', 'admitted', 'rejected', 'under_review', 'reviewed', 'winner', 'not_supported')
  GROUP BY 1, 2, 3;
$$;
--> statement-breakpoint
CREATE TRIGGER application_totals_insert AFTER INSERT ON applications REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION application_totals_apply();
--> statement-breakpoint
CREATE TRIGGER application_totals_update AFTER UPDATE ON applications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION application_totals_apply();
--> statement-breakpoint
CREATE TRIGGER application_totals_delete AFTER DELETE ON applications REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION application_totals_apply();
--> statement-breakpoint
SELECT application_totals_rebuild();
