-- AlterTable
ALTER TABLE "Outlet" ADD COLUMN     "edited" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "editedAt" TIMESTAMP(3),
ADD COLUMN     "editedBy" TEXT;

-- CreateTable
CREATE TABLE "OutletAlias" (
    "key" TEXT NOT NULL,
    "outletId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutletAlias_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "OutletAlias_outletId_idx" ON "OutletAlias"("outletId");

-- AddForeignKey
ALTER TABLE "OutletAlias" ADD CONSTRAINT "OutletAlias_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

