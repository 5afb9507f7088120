-- check: carry_over_mismatch
-- severity: warn
-- description: carried_over of year N differs from carried_forward of year N − 1 for the same agency (agencies may re-base; warn only).
-- Grain of the offending rows: canonical agency × year.
SELECT
    agency_id,
    agency_name,
    year,
    carried_over,
    previous_carried_forward,
    difference
FROM analytics.carry_over_continuity
WHERE status = 'mismatch'
