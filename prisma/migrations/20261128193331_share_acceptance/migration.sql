-- AlterTable
ALTER TABLE "CatalogShare" ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "declinedAt" TIMESTAMP(3),
ADD COLUMN     "targetEmail" TEXT,
ALTER COLUMN "targetStudioId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "CatalogShare_targetEmail_idx" ON "CatalogShare"("targetEmail");


-- Shares made before acceptance existed were in effect at once: they count as accepted when made.
UPDATE "CatalogShare" SET "acceptedAt" = "createdAt" WHERE "acceptedAt" IS NULL;

-- A share grants reading only once the receiving studio accepted it (and until it is revoked).
CREATE OR REPLACE FUNCTION app_catalog_shared_with_tenant(catalog_id text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM "CatalogShare" s
     WHERE s."catalogId" = catalog_id AND s."targetStudioId" = app_current_tenant()
       AND s."acceptedAt" IS NOT NULL AND s."revokedAt" IS NULL)
$$;

CREATE OR REPLACE FUNCTION app_design_shared_with_tenant(design_id text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM "CatalogDesign" e JOIN "CatalogShare" s ON s."catalogId" = e."catalogId"
     WHERE e."designId" = design_id AND s."targetStudioId" = app_current_tenant()
       AND s."acceptedAt" IS NOT NULL AND s."revokedAt" IS NULL)
$$;
