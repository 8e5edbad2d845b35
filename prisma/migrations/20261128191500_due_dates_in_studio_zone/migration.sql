-- A due date is the end of the chosen day in the studio's zone (23:59:59.999 local), no longer 23:59 UTC of
-- that day: for a studio in Sydney "due Friday" ended on Saturday morning. Lines written the old way keep
-- their day (the UTC date they were stored on) and move to its end in their studio's zone.
UPDATE "OrderLine" ol
   SET "dueDate" = ((((ol."dueDate"::date) + 1)::timestamp AT TIME ZONE s."timeZone") AT TIME ZONE 'UTC') - interval '1 millisecond'
  FROM "Studio" s
 WHERE s."id" = ol."studioId" AND ol."dueDate"::time = TIME '23:59:00';
