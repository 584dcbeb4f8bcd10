-- CreateTable
CREATE TABLE "Follow" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "divergenceThreshold" DOUBLE PRECISION,
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "snapshot" JSONB,
    "createdBy" TEXT NOT NULL DEFAULT 'anonymous',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowChange" (
    "id" SERIAL NOT NULL,
    "followId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "eventId" TEXT,
    "articleId" TEXT,
    "read" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" SERIAL NOT NULL,
    "followId" INTEGER NOT NULL,
    "changeId" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseCode" INTEGER,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "FollowChange" ADD CONSTRAINT "FollowChange_followId_fkey" FOREIGN KEY ("followId") REFERENCES "Follow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_followId_fkey" FOREIGN KEY ("followId") REFERENCES "Follow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "FollowChange"("id") ON DELETE CASCADE ON UPDATE CASCADE;

