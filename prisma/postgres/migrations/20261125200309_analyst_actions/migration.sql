-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "titleManual" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "EventAction" (
    "id" SERIAL NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventActionEvent" (
    "actionId" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "EventActionEvent_pkey" PRIMARY KEY ("actionId","eventId")
);

-- CreateIndex
CREATE INDEX "EventAction_createdAt_idx" ON "EventAction"("createdAt");

-- CreateIndex
CREATE INDEX "EventActionEvent_eventId_idx" ON "EventActionEvent"("eventId");

-- AddForeignKey
ALTER TABLE "EventActionEvent" ADD CONSTRAINT "EventActionEvent_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "EventAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

