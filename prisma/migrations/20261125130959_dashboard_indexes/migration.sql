-- CreateIndex
CREATE INDEX "BatchWork_studioId_status_completedAt_idx" ON "BatchWork"("studioId", "status", "completedAt");

-- CreateIndex
CREATE INDEX "BenchEvent_studioId_kind_createdAt_idx" ON "BenchEvent"("studioId", "kind", "createdAt");

