CREATE TABLE "source_import_batches" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"created_by" integer NOT NULL,
	"csv" text NOT NULL,
	"row_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_import_batches_import_id_seq_pk" PRIMARY KEY("import_id","seq"),
	CONSTRAINT "source_import_batches_seq_check" CHECK ("source_import_batches"."seq" >= 0 and "source_import_batches"."row_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "source_import_batches" ADD CONSTRAINT "source_import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;