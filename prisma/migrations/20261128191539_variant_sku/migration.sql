-- AlterTable: variants get their own SKU. Existing variants keep the SKU imports matched before
-- ("<design SKU>-<variant name, spaces as dashes>"), so shop exports that already work keep working.
ALTER TABLE "DesignVariant" ADD COLUMN     "sku" TEXT NOT NULL DEFAULT '';
UPDATE "DesignVariant" v
   SET "sku" = d."sku" || '-' || regexp_replace(btrim(v."name"), '\s+', '-', 'g')
  FROM "DesignVersion" d
 WHERE d."id" = v."designVersionId";
ALTER TABLE "DesignVariant" ALTER COLUMN "sku" DROP DEFAULT;
