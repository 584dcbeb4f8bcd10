-- AlterTable
ALTER TABLE "Article" ADD COLUMN "eventDay" TEXT;
ALTER TABLE "Article" ADD COLUMN "places" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "day" TEXT;
ALTER TABLE "Event" ADD COLUMN "killedMedian" REAL;
ALTER TABLE "Event" ADD COLUMN "woundedMedian" REAL;

-- CreateIndex
CREATE INDEX "Event_killedMedian_idx" ON "Event"("killedMedian");

-- CreateIndex
CREATE INDEX "Event_woundedMedian_idx" ON "Event"("woundedMedian");

