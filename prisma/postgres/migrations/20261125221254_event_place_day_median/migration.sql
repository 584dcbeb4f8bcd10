-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "eventDay" TEXT,
ADD COLUMN     "places" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "day" TEXT,
ADD COLUMN     "killedMedian" DOUBLE PRECISION,
ADD COLUMN     "woundedMedian" DOUBLE PRECISION;

-- CreateIndex
CREATE INDEX "Event_killedMedian_idx" ON "Event"("killedMedian");

-- CreateIndex
CREATE INDEX "Event_woundedMedian_idx" ON "Event"("woundedMedian");

