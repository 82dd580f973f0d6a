CREATE TABLE "application_totals" (
	"competition_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"direction_code" text NOT NULL,
	"submitted" integer DEFAULT 0 NOT NULL,
	"admitted" integer DEFAULT 0 NOT NULL,
	"winners" integer DEFAULT 0 NOT NULL,
	"requested_kopecks" bigint DEFAULT 0 NOT NULL,
	"awarded_kopecks" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "application_totals_competition_id_region_code_direction_code_pk" PRIMARY KEY("competition_id","region_code","direction_code")
);
