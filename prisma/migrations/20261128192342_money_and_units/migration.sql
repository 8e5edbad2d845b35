-- CreateEnum
CREATE TYPE "UnitSystem" AS ENUM ('METRIC', 'IMPERIAL');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MaterialUnit" ADD VALUE 'METER';
ALTER TYPE "MaterialUnit" ADD VALUE 'INCH';
ALTER TYPE "MaterialUnit" ADD VALUE 'FOOT';

-- AlterTable
ALTER TABLE "Studio" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'USD',
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en-US',
ADD COLUMN     "unitSystem" "UnitSystem" NOT NULL DEFAULT 'METRIC';

