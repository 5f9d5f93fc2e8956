-- AlterTable
ALTER TABLE "EducationItem" ADD COLUMN     "deliveryMethod" TEXT NOT NULL DEFAULT 'email',
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

