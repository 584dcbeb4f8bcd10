-- CreateTable
CREATE TABLE "Follow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "divergenceThreshold" REAL,
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "snapshot" JSONB,
    "createdBy" TEXT NOT NULL DEFAULT 'anonymous',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "FollowChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "followId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "eventId" TEXT,
    "articleId" TEXT,
    "read" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowChange_followId_fkey" FOREIGN KEY ("followId") REFERENCES "Follow" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "followId" INTEGER NOT NULL,
    "changeId" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseCode" INTEGER,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" DATETIME,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookDelivery_followId_fkey" FOREIGN KEY ("followId") REFERENCES "Follow" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WebhookDelivery_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "FollowChange" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Follow_kind_target_idx" ON "Follow"("kind", "target");

-- CreateIndex
CREATE INDEX "FollowChange_followId_createdAt_idx" ON "FollowChange"("followId", "createdAt");

-- CreateIndex
CREATE INDEX "FollowChange_read_idx" ON "FollowChange"("read");

-- CreateIndex
CREATE UNIQUE INDEX "FollowChange_followId_key_key" ON "FollowChange"("followId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_changeId_key" ON "WebhookDelivery"("changeId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_followId_idx" ON "WebhookDelivery"("followId");

