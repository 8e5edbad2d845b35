-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "skillsLimited" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "workingHours" JSONB;

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "userId" TEXT,
    "summary" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberSkill" (
    "studioId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberSkill_pkey" PRIMARY KEY ("membershipId","stationId")
);

-- CreateTable
CREATE TABLE "MemberTimeOff" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "firstDay" DATE NOT NULL,
    "lastDay" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberTimeOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudioHoliday" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "firstDay" DATE NOT NULL,
    "lastDay" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudioHoliday_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEvent_studioId_entity_entityId_createdAt_idx" ON "AuditEvent"("studioId", "entity", "entityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_studioId_id_key" ON "AuditEvent"("studioId", "id");

-- CreateIndex
CREATE INDEX "MemberSkill_studioId_stationId_idx" ON "MemberSkill"("studioId", "stationId");

-- CreateIndex
CREATE UNIQUE INDEX "MemberSkill_studioId_membershipId_stationId_key" ON "MemberSkill"("studioId", "membershipId", "stationId");

-- CreateIndex
CREATE INDEX "MemberTimeOff_studioId_membershipId_lastDay_idx" ON "MemberTimeOff"("studioId", "membershipId", "lastDay");

-- CreateIndex
CREATE UNIQUE INDEX "MemberTimeOff_studioId_id_key" ON "MemberTimeOff"("studioId", "id");

-- CreateIndex
CREATE INDEX "StudioHoliday_studioId_lastDay_idx" ON "StudioHoliday"("studioId", "lastDay");

-- CreateIndex
CREATE UNIQUE INDEX "StudioHoliday_studioId_id_key" ON "StudioHoliday"("studioId", "id");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberSkill" ADD CONSTRAINT "MemberSkill_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberSkill" ADD CONSTRAINT "MemberSkill_studioId_membershipId_fkey" FOREIGN KEY ("studioId", "membershipId") REFERENCES "Membership"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberSkill" ADD CONSTRAINT "MemberSkill_studioId_stationId_fkey" FOREIGN KEY ("studioId", "stationId") REFERENCES "Station"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberTimeOff" ADD CONSTRAINT "MemberTimeOff_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberTimeOff" ADD CONSTRAINT "MemberTimeOff_studioId_membershipId_fkey" FOREIGN KEY ("studioId", "membershipId") REFERENCES "Membership"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioHoliday" ADD CONSTRAINT "StudioHoliday_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security.
ALTER TABLE "MemberSkill" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MemberSkill" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "MemberSkill"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "MemberTimeOff" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MemberTimeOff" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "MemberTimeOff"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "StudioHoliday" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StudioHoliday" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StudioHoliday"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

-- The audit trail is append-only for the app: read and insert, never update or delete.
ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "AuditEvent" FOR SELECT USING ("studioId" = app_current_tenant());
CREATE POLICY tenant_insert ON "AuditEvent" FOR INSERT WITH CHECK ("studioId" = app_current_tenant());
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM benchflow_app;
