-- CreateTable
CREATE TABLE "OutletAlias" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "outletId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutletAlias_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Outlet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "country" TEXT,
    "language" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'unknown',
    "edited" BOOLEAN NOT NULL DEFAULT false,
    "editedBy" TEXT,
    "editedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Outlet" ("country", "createdAt", "domain", "id", "key", "kind", "language", "name", "updatedAt") SELECT "country", "createdAt", "domain", "id", "key", "kind", "language", "name", "updatedAt" FROM "Outlet";
DROP TABLE "Outlet";
ALTER TABLE "new_Outlet" RENAME TO "Outlet";
CREATE UNIQUE INDEX "Outlet_key_key" ON "Outlet"("key");
CREATE INDEX "Outlet_name_idx" ON "Outlet"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OutletAlias_outletId_idx" ON "OutletAlias"("outletId");

