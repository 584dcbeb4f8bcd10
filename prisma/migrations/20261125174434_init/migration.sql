-- CreateTable
CREATE TABLE "Outlet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "country" TEXT,
    "language" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'unknown',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT,
    "canonicalUrl" TEXT,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "publishedDay" TEXT,
    "author" TEXT,
    "language" TEXT,
    "contentHash" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "outletId" INTEGER NOT NULL,
    "originalSourceName" TEXT,
    "originalSourceUrl" TEXT,
    "syndicatedFromId" TEXT,
    "syndicationScore" REAL,
    "ingestRunId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_syndicatedFromId_fkey" FOREIGN KEY ("syndicatedFromId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_ingestRunId_fkey" FOREIGN KEY ("ingestRunId") REFERENCES "IngestRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "EventArticle" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "score" REAL NOT NULL DEFAULT 0,
    "method" TEXT NOT NULL DEFAULT 'auto',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EventArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventArticle_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CasualtyClaim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "min" INTEGER,
    "max" INTEGER,
    "qualifier" TEXT NOT NULL,
    "victimGroup" TEXT,
    "authority" TEXT,
    "isContext" BOOLEAN NOT NULL DEFAULT false,
    "isHeadline" BOOLEAN NOT NULL DEFAULT false,
    "phrase" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "sentence" TEXT NOT NULL,
    "sentenceStart" INTEGER NOT NULL,
    "sentenceEnd" INTEGER NOT NULL,
    CONSTRAINT "CasualtyClaim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" TEXT NOT NULL,
    "speaker" TEXT,
    "speakerMention" TEXT,
    "affiliation" TEXT,
    "cue" TEXT,
    "channel" TEXT,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "direct" BOOLEAN NOT NULL,
    CONSTRAINT "Statement_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IngestRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'cli',
    "status" TEXT NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "Outlet_key_key" ON "Outlet"("key");

-- CreateIndex
CREATE INDEX "Outlet_name_idx" ON "Outlet"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Article_url_key" ON "Article"("url");

-- CreateIndex
CREATE INDEX "Article_publishedAt_idx" ON "Article"("publishedAt");

-- CreateIndex
CREATE INDEX "Article_outletId_publishedAt_idx" ON "Article"("outletId", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_publishedDay_outletId_idx" ON "Article"("publishedDay", "outletId");

-- CreateIndex
CREATE INDEX "Article_contentHash_idx" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Article_syndicatedFromId_idx" ON "Article"("syndicatedFromId");

-- CreateIndex
CREATE INDEX "Article_language_idx" ON "Article"("language");

-- CreateIndex
CREATE INDEX "Event_lastSeen_idx" ON "Event"("lastSeen");

-- CreateIndex
CREATE INDEX "Event_firstSeen_idx" ON "Event"("firstSeen");

-- CreateIndex
CREATE INDEX "Event_articleCount_idx" ON "Event"("articleCount");

-- CreateIndex
CREATE INDEX "Event_divergence_idx" ON "Event"("divergence");

-- CreateIndex
CREATE INDEX "EventArticle_eventId_idx" ON "EventArticle"("eventId");

-- CreateIndex
CREATE INDEX "CasualtyClaim_articleId_idx" ON "CasualtyClaim"("articleId");

-- CreateIndex
CREATE INDEX "CasualtyClaim_kind_isHeadline_idx" ON "CasualtyClaim"("kind", "isHeadline");

-- CreateIndex
CREATE INDEX "Statement_articleId_idx" ON "Statement"("articleId");

-- CreateIndex
CREATE INDEX "Statement_speaker_idx" ON "Statement"("speaker");

