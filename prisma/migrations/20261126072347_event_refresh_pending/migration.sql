-- AlterTable (a column added in place: the table keeps its triggers and needs no copy)
ALTER TABLE "Event" ADD COLUMN "refreshPending" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Event_refreshPending_idx" ON "Event"("refreshPending");
