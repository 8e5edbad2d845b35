-- CreateEnum
CREATE TYPE "StationKind" AS ENUM ('SOLDER_BENCH', 'STAMPING', 'ROLLING_MILL', 'TUMBLER', 'PICKLE', 'POLISHING', 'FLEX_SHAFT', 'OTHER');

-- CreateEnum
CREATE TYPE "MaterialCategory" AS ENUM ('METAL', 'FINDING', 'CHAIN', 'STONE', 'OTHER');

-- CreateEnum
CREATE TYPE "MaterialUnit" AS ENUM ('GRAM', 'PENNYWEIGHT', 'TROY_OUNCE', 'MILLIMETER', 'CENTIMETER', 'PIECE', 'CARAT');

-- CreateEnum
CREATE TYPE "StockMovementKind" AS ENUM ('RECEIVE', 'ADJUST', 'CONSUME');

-- AlterTable
ALTER TABLE "Studio" ADD COLUMN     "costingBatchSize" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "labourRateCents" INTEGER NOT NULL DEFAULT 3000;

-- CreateTable
CREATE TABLE "Station" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "StationKind" NOT NULL DEFAULT 'OTHER',
    "count" INTEGER NOT NULL DEFAULT 1,
    "unattended" BOOLEAN NOT NULL DEFAULT false,
    "loadCapacity" INTEGER,
    "runSeconds" INTEGER,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Station_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Material" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "MaterialCategory" NOT NULL,
    "alloy" TEXT,
    "gauge" TEXT,
    "unit" "MaterialUnit" NOT NULL,
    "onHandMilli" INTEGER NOT NULL DEFAULT 0,
    "unitCostCents" INTEGER NOT NULL DEFAULT 0,
    "reorderPointMilli" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Material_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockMovement" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "materialId" TEXT NOT NULL,
    "kind" "StockMovementKind" NOT NULL,
    "quantityMilli" INTEGER NOT NULL,
    "balanceAfterMilli" INTEGER NOT NULL,
    "unitCostCents" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Catalog" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Catalog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogShare" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "catalogId" TEXT NOT NULL,
    "targetStudioId" TEXT NOT NULL,
    "targetLabel" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CatalogShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogDesign" (
    "studioId" TEXT NOT NULL,
    "catalogId" TEXT NOT NULL,
    "designId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogDesign_pkey" PRIMARY KEY ("catalogId","designId")
);

-- CreateTable
CREATE TABLE "Design" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "photoUrl" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "forkedFromVersionId" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Design_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DesignVersion" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "designId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "photoUrl" TEXT,
    "labourRateCents" INTEGER NOT NULL,
    "costingBatchSize" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DesignVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DesignVariant" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "designVersionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "overrides" JSONB NOT NULL DEFAULT '[]',
    "materialCostCents" INTEGER NOT NULL,
    "labourCostCents" INTEGER NOT NULL,
    "standardCostCents" INTEGER NOT NULL,

    CONSTRAINT "DesignVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BomLine" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "materialId" TEXT NOT NULL,
    "materialName" TEXT NOT NULL,
    "materialUnit" "MaterialUnit" NOT NULL,
    "unitCostCents" INTEGER NOT NULL,
    "quantityMilli" INTEGER NOT NULL,

    CONSTRAINT "BomLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingStep" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "designVersionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "stationName" TEXT NOT NULL,
    "stationKind" "StationKind" NOT NULL,
    "setupSeconds" INTEGER NOT NULL,
    "secondsPerPiece" INTEGER NOT NULL,
    "batchable" BOOLEAN NOT NULL DEFAULT false,
    "batchFamily" TEXT,
    "maxBatchSize" INTEGER,
    "unattendedRunSeconds" INTEGER,

    CONSTRAINT "RoutingStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DesignVersionUse" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "designVersionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DesignVersionUse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Station_studioId_id_key" ON "Station"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Station_studioId_name_key" ON "Station"("studioId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Material_studioId_id_key" ON "Material"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Material_studioId_name_key" ON "Material"("studioId", "name");

-- CreateIndex
CREATE INDEX "StockMovement_studioId_materialId_createdAt_idx" ON "StockMovement"("studioId", "materialId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StockMovement_studioId_id_key" ON "StockMovement"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Catalog_studioId_id_key" ON "Catalog"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Catalog_studioId_name_key" ON "Catalog"("studioId", "name");

-- CreateIndex
CREATE INDEX "CatalogShare_targetStudioId_idx" ON "CatalogShare"("targetStudioId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogShare_studioId_id_key" ON "CatalogShare"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogShare_catalogId_targetStudioId_key" ON "CatalogShare"("catalogId", "targetStudioId");

-- CreateIndex
CREATE INDEX "CatalogDesign_studioId_designId_idx" ON "CatalogDesign"("studioId", "designId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogDesign_studioId_catalogId_designId_key" ON "CatalogDesign"("studioId", "catalogId", "designId");

-- CreateIndex
CREATE UNIQUE INDEX "Design_studioId_id_key" ON "Design"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Design_studioId_sku_key" ON "Design"("studioId", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "DesignVersion_studioId_id_key" ON "DesignVersion"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DesignVersion_designId_number_key" ON "DesignVersion"("designId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DesignVariant_studioId_id_key" ON "DesignVariant"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DesignVariant_designVersionId_position_key" ON "DesignVariant"("designVersionId", "position");

-- CreateIndex
CREATE INDEX "BomLine_studioId_materialId_idx" ON "BomLine"("studioId", "materialId");

-- CreateIndex
CREATE UNIQUE INDEX "BomLine_studioId_id_key" ON "BomLine"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BomLine_variantId_position_key" ON "BomLine"("variantId", "position");

-- CreateIndex
CREATE INDEX "RoutingStep_studioId_stationId_idx" ON "RoutingStep"("studioId", "stationId");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingStep_studioId_id_key" ON "RoutingStep"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingStep_designVersionId_position_key" ON "RoutingStep"("designVersionId", "position");

-- CreateIndex
CREATE INDEX "DesignVersionUse_designVersionId_idx" ON "DesignVersionUse"("designVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "DesignVersionUse_studioId_id_key" ON "DesignVersionUse"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DesignVersionUse_studioId_designVersionId_key" ON "DesignVersionUse"("studioId", "designVersionId");

-- AddForeignKey
ALTER TABLE "Station" ADD CONSTRAINT "Station_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_studioId_materialId_fkey" FOREIGN KEY ("studioId", "materialId") REFERENCES "Material"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Catalog" ADD CONSTRAINT "Catalog_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogShare" ADD CONSTRAINT "CatalogShare_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogShare" ADD CONSTRAINT "CatalogShare_targetStudioId_fkey" FOREIGN KEY ("targetStudioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogShare" ADD CONSTRAINT "CatalogShare_studioId_catalogId_fkey" FOREIGN KEY ("studioId", "catalogId") REFERENCES "Catalog"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogDesign" ADD CONSTRAINT "CatalogDesign_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogDesign" ADD CONSTRAINT "CatalogDesign_studioId_catalogId_fkey" FOREIGN KEY ("studioId", "catalogId") REFERENCES "Catalog"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogDesign" ADD CONSTRAINT "CatalogDesign_studioId_designId_fkey" FOREIGN KEY ("studioId", "designId") REFERENCES "Design"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Design" ADD CONSTRAINT "Design_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DesignVersion" ADD CONSTRAINT "DesignVersion_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DesignVersion" ADD CONSTRAINT "DesignVersion_studioId_designId_fkey" FOREIGN KEY ("studioId", "designId") REFERENCES "Design"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DesignVariant" ADD CONSTRAINT "DesignVariant_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DesignVariant" ADD CONSTRAINT "DesignVariant_studioId_designVersionId_fkey" FOREIGN KEY ("studioId", "designVersionId") REFERENCES "DesignVersion"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BomLine" ADD CONSTRAINT "BomLine_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BomLine" ADD CONSTRAINT "BomLine_studioId_variantId_fkey" FOREIGN KEY ("studioId", "variantId") REFERENCES "DesignVariant"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BomLine" ADD CONSTRAINT "BomLine_studioId_materialId_fkey" FOREIGN KEY ("studioId", "materialId") REFERENCES "Material"("studioId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingStep" ADD CONSTRAINT "RoutingStep_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingStep" ADD CONSTRAINT "RoutingStep_studioId_designVersionId_fkey" FOREIGN KEY ("studioId", "designVersionId") REFERENCES "DesignVersion"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingStep" ADD CONSTRAINT "RoutingStep_studioId_stationId_fkey" FOREIGN KEY ("studioId", "stationId") REFERENCES "Station"("studioId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DesignVersionUse" ADD CONSTRAINT "DesignVersionUse_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DesignVersionUse" ADD CONSTRAINT "DesignVersionUse_designVersionId_fkey" FOREIGN KEY ("designVersionId") REFERENCES "DesignVersion"("id") ON DELETE NO ACTION ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------------
-- Row-level security for the catalog.
-- Private tables (stations, materials, the stock ledger, version uses): the usual tenant_isolation.
-- Shareable tables: two permissive policies. tenant_read (SELECT) lets the current studio read its own
-- rows OR rows a live CatalogShare grants it (or a version it has used); tenant_write (ALL) only ever
-- matches the studio's own rows, so UPDATE/DELETE of a shared row finds nothing and INSERT of a row for
-- another studio fails the WITH CHECK. The helper functions are SECURITY DEFINER (owned by the migration
-- owner) so the share lookup itself is not filtered by RLS and policies do not recurse.

CREATE OR REPLACE FUNCTION app_catalog_shared_with_tenant(catalog_id text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM "CatalogShare" s
     WHERE s."catalogId" = catalog_id AND s."targetStudioId" = app_current_tenant() AND s."revokedAt" IS NULL)
$$;

CREATE OR REPLACE FUNCTION app_design_shared_with_tenant(design_id text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM "CatalogDesign" e JOIN "CatalogShare" s ON s."catalogId" = e."catalogId"
     WHERE e."designId" = design_id AND s."targetStudioId" = app_current_tenant() AND s."revokedAt" IS NULL)
$$;

-- Readable to a non-owner: the design is in a live share, or the studio has used this version.
CREATE OR REPLACE FUNCTION app_design_version_readable(version_id text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
           SELECT 1 FROM "DesignVersion" v WHERE v."id" = version_id AND app_design_shared_with_tenant(v."designId"))
      OR EXISTS (
           SELECT 1 FROM "DesignVersionUse" u WHERE u."designVersionId" = version_id AND u."studioId" = app_current_tenant())
$$;

CREATE OR REPLACE FUNCTION app_design_readable(design_id text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT app_design_shared_with_tenant(design_id) OR EXISTS (
    SELECT 1 FROM "DesignVersionUse" u JOIN "DesignVersion" v ON v."id" = u."designVersionId"
     WHERE v."designId" = design_id AND u."studioId" = app_current_tenant())
$$;

CREATE OR REPLACE FUNCTION app_variant_readable(variant_id text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM "DesignVariant" d WHERE d."id" = variant_id AND app_design_version_readable(d."designVersionId"))
$$;

REVOKE ALL ON FUNCTION app_catalog_shared_with_tenant(text), app_design_shared_with_tenant(text),
  app_design_version_readable(text), app_design_readable(text), app_variant_readable(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_catalog_shared_with_tenant(text), app_design_shared_with_tenant(text),
  app_design_version_readable(text), app_design_readable(text), app_variant_readable(text) TO benchflow_app;

-- Private tables.
ALTER TABLE "Station" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Station" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Station"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "Material" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Material" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Material"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "DesignVersionUse" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DesignVersionUse" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "DesignVersionUse"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

-- The stock ledger is append-only for the app: read and insert, never update or delete.
ALTER TABLE "StockMovement" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StockMovement" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "StockMovement" FOR SELECT USING ("studioId" = app_current_tenant());
CREATE POLICY tenant_insert ON "StockMovement" FOR INSERT WITH CHECK ("studioId" = app_current_tenant());
REVOKE UPDATE, DELETE, TRUNCATE ON "StockMovement" FROM benchflow_app;

-- Shareable tables.
ALTER TABLE "Catalog" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Catalog" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "Catalog" FOR SELECT
  USING ("studioId" = app_current_tenant() OR app_catalog_shared_with_tenant("id"));
CREATE POLICY tenant_write ON "Catalog"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "CatalogShare" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CatalogShare" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "CatalogShare" FOR SELECT
  USING ("studioId" = app_current_tenant() OR "targetStudioId" = app_current_tenant());
CREATE POLICY tenant_write ON "CatalogShare"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "CatalogDesign" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CatalogDesign" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "CatalogDesign" FOR SELECT
  USING ("studioId" = app_current_tenant() OR app_catalog_shared_with_tenant("catalogId"));
CREATE POLICY tenant_write ON "CatalogDesign"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "Design" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Design" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "Design" FOR SELECT
  USING ("studioId" = app_current_tenant() OR app_design_readable("id"));
CREATE POLICY tenant_write ON "Design"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "DesignVersion" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DesignVersion" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "DesignVersion" FOR SELECT
  USING ("studioId" = app_current_tenant() OR app_design_version_readable("id"));
CREATE POLICY tenant_write ON "DesignVersion"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "DesignVariant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DesignVariant" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "DesignVariant" FOR SELECT
  USING ("studioId" = app_current_tenant() OR app_design_version_readable("designVersionId"));
CREATE POLICY tenant_write ON "DesignVariant"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "RoutingStep" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RoutingStep" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "RoutingStep" FOR SELECT
  USING ("studioId" = app_current_tenant() OR app_design_version_readable("designVersionId"));
CREATE POLICY tenant_write ON "RoutingStep"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());

ALTER TABLE "BomLine" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BomLine" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "BomLine" FOR SELECT
  USING ("studioId" = app_current_tenant() OR app_variant_readable("variantId"));
CREATE POLICY tenant_write ON "BomLine"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());
