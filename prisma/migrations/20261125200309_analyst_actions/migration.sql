-- CreateTable
CREATE TABLE "EventAction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EventActionEvent" (
    "actionId" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("actionId", "eventId"),
    CONSTRAINT "EventActionEvent_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "EventAction" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "place" TEXT,
    "firstSeen" DATETIME,
    "lastSeen" DATETIME,
    "articleCount" INTEGER NOT NULL DEFAULT 0,
    "sourceCount" INTEGER NOT NULL DEFAULT 0,
    "outletCount" INTEGER NOT NULL DEFAULT 0,
    "killedMin" INTEGER,
    "killedMax" INTEGER,
    "woundedMin" INTEGER,
    "woundedMax" INTEGER,
    "divergence" REAL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "titleManual" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Event" ("articleCount", "createdAt", "divergence", "firstSeen", "id", "killedMax", "killedMin", "lastSeen", "locked", "outletCount", "place", "sourceCount", "title", "updatedAt", "woundedMax", "woundedMin") SELECT "articleCount", "createdAt", "divergence", "firstSeen", "id", "killedMax", "killedMin", "lastSeen", "locked", "outletCount", "place", "sourceCount", "title", "updatedAt", "woundedMax", "woundedMin" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_lastSeen_idx" ON "Event"("lastSeen");
CREATE INDEX "Event_firstSeen_idx" ON "Event"("firstSeen");
CREATE INDEX "Event_articleCount_idx" ON "Event"("articleCount");
CREATE INDEX "Event_divergence_idx" ON "Event"("divergence");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EventAction_createdAt_idx" ON "EventAction"("createdAt");

-- CreateIndex
CREATE INDEX "EventActionEvent_eventId_idx" ON "EventActionEvent"("eventId");

