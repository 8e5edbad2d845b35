-- The bench's piece counts are bounded by the database, not only by the report procedure's conditional
-- UPDATEs: no write path (a new procedure, a script, a hand-run UPDATE) can record more pieces done and
-- scrapped than a batch or batch item holds, or a negative count. Prisma's schema cannot express CHECK
-- constraints, so they live here. The report procedure still checks first (conditional UPDATEs that answer
-- BAD_REQUEST), so a user never meets these; they are the last wall.
ALTER TABLE "BatchWork"
  ADD CONSTRAINT "BatchWork_pieces_bounds"
  CHECK ("pieces" >= 0 AND "piecesDone" >= 0 AND "piecesScrapped" >= 0 AND "piecesDone" + "piecesScrapped" <= "pieces");

ALTER TABLE "BatchItemProgress"
  ADD CONSTRAINT "BatchItemProgress_pieces_bounds"
  CHECK ("pieces" >= 0 AND "piecesDone" >= 0 AND "piecesScrapped" >= 0 AND "piecesDone" + "piecesScrapped" <= "pieces");
