-- CreateIndex
CREATE INDEX "Article_title_idx" ON "Article"("title");

-- CreateIndex
CREATE INDEX "Article_outletId_id_idx" ON "Article"("outletId", "id");

-- CreateIndex
CREATE INDEX "Article_language_id_idx" ON "Article"("language", "id");

-- CreateIndex
CREATE INDEX "Event_title_idx" ON "Event"("title");

-- CreateIndex
CREATE INDEX "Event_sourceCount_idx" ON "Event"("sourceCount");

-- CreateIndex
CREATE INDEX "Event_outletCount_idx" ON "Event"("outletCount");

-- CreateIndex
CREATE INDEX "Event_killedMin_idx" ON "Event"("killedMin");

-- CreateIndex
CREATE INDEX "Event_woundedMin_idx" ON "Event"("woundedMin");

