-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "refreshPending" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Event_refreshPending_idx" ON "Event"("refreshPending");

