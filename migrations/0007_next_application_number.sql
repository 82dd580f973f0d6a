-- The competition's next application number, for use inside the INSERT of the new draft (queries/applications.ts):
-- one statement numbers and inserts, so the counter's row lock ends with that statement (creations run outside a
-- transaction) instead of being held until a longer transaction commits, and a failed insert rolls the counter back
-- with it (numbers stay dense). `<code>-<6-digit sequence>`, longer when the sequence outgrows six digits.
CREATE FUNCTION next_application_number(p_competition_id uuid) RETURNS text LANGUAGE sql VOLATILE AS $$
  UPDATE competitions SET application_seq = application_seq + 1 WHERE id = p_competition_id
  RETURNING code || '-' || lpad(application_seq::text, greatest(6, length(application_seq::text)), '0')
$$;
