-- DropIndex
DROP INDEX "Event_woundedMin_idx";

-- DropIndex
DROP INDEX "Event_killedMin_idx";

-- DropIndex
DROP INDEX "Event_outletCount_idx";

-- DropIndex
DROP INDEX "Event_sourceCount_idx";

-- DropIndex
DROP INDEX "Event_title_idx";

-- DropIndex
DROP INDEX "Event_woundedMedian_idx";

-- DropIndex
DROP INDEX "Event_killedMedian_idx";

-- DropIndex
DROP INDEX "Event_divergence_idx";

-- DropIndex
DROP INDEX "Event_articleCount_idx";

-- DropIndex
DROP INDEX "Event_firstSeen_idx";

-- DropIndex
DROP INDEX "Event_lastSeen_idx";

-- CreateIndex
CREATE INDEX "Event_lastSeen_id_idx" ON "Event"("lastSeen", "id");

-- CreateIndex
CREATE INDEX "Event_firstSeen_id_idx" ON "Event"("firstSeen", "id");

-- CreateIndex
CREATE INDEX "Event_articleCount_id_idx" ON "Event"("articleCount", "id");

-- CreateIndex
CREATE INDEX "Event_divergence_id_idx" ON "Event"("divergence", "id");

-- CreateIndex
CREATE INDEX "Event_killedMedian_id_idx" ON "Event"("killedMedian", "id");

-- CreateIndex
CREATE INDEX "Event_woundedMedian_id_idx" ON "Event"("woundedMedian", "id");

-- CreateIndex
CREATE INDEX "Event_title_id_idx" ON "Event"("title", "id");

-- CreateIndex
CREATE INDEX "Event_sourceCount_id_idx" ON "Event"("sourceCount", "id");

-- CreateIndex
CREATE INDEX "Event_outletCount_id_idx" ON "Event"("outletCount", "id");

-- CreateIndex
CREATE INDEX "Event_killedMin_id_idx" ON "Event"("killedMin", "id");

-- CreateIndex
CREATE INDEX "Event_woundedMin_id_idx" ON "Event"("woundedMin", "id");

