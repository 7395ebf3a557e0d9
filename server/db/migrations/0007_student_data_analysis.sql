CREATE TABLE "assessment_standard_scores" (
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"standard" text NOT NULL,
	"points" double precision NOT NULL,
	"max_points" double precision NOT NULL,
	CONSTRAINT "assessment_standard_scores_org_id_assessment_id_standard_student_id_pk" PRIMARY KEY("org_id","assessment_id","standard","student_id")
);
--> statement-breakpoint
CREATE TABLE "goal_growth_measures" (
	"goal_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"before_assessment_id" uuid NOT NULL,
	"after_assessment_id" uuid NOT NULL,
	"standard" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_growth_two_assessments" CHECK ("goal_growth_measures"."before_assessment_id" <> "goal_growth_measures"."after_assessment_id")
);
--> statement-breakpoint
CREATE TABLE "learning_need_responses" (
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"standards" text[] DEFAULT '{}'::text[] NOT NULL,
	"practices" text[] DEFAULT '{}'::text[] NOT NULL,
	"other" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_need_responses_survey_id_person_id_pk" PRIMARY KEY("survey_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "learning_need_surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"assessment_id" uuid,
	"title" text NOT NULL,
	"standards" text[] DEFAULT '{}'::text[] NOT NULL,
	"practices" text[] DEFAULT '{}'::text[] NOT NULL,
	"closes_on" date,
	"closed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_staff" (
	"org_id" uuid NOT NULL,
	"sourced_id" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"person_id" uuid,
	"import_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_staff_org_id_sourced_id_pk" PRIMARY KEY("org_id","sourced_id")
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "results_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "aggregated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "student_groups" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "share_results_by_teacher" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "student_group_minimum" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_standard_scores" ADD CONSTRAINT "assessment_standard_scores_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_standard_scores" ADD CONSTRAINT "assessment_standard_scores_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_standard_scores" ADD CONSTRAINT "assessment_standard_scores_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_growth_measures" ADD CONSTRAINT "goal_growth_measures_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_growth_measures" ADD CONSTRAINT "goal_growth_measures_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_growth_measures" ADD CONSTRAINT "goal_growth_measures_before_assessment_id_assessments_id_fk" FOREIGN KEY ("before_assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_growth_measures" ADD CONSTRAINT "goal_growth_measures_after_assessment_id_assessments_id_fk" FOREIGN KEY ("after_assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_growth_measures" ADD CONSTRAINT "goal_growth_measures_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_need_responses" ADD CONSTRAINT "learning_need_responses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_need_responses" ADD CONSTRAINT "learning_need_responses_survey_id_learning_need_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."learning_need_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_need_responses" ADD CONSTRAINT "learning_need_responses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_need_surveys" ADD CONSTRAINT "learning_need_surveys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_need_surveys" ADD CONSTRAINT "learning_need_surveys_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_need_surveys" ADD CONSTRAINT "learning_need_surveys_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_need_surveys" ADD CONSTRAINT "learning_need_surveys_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_staff" ADD CONSTRAINT "roster_staff_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_staff" ADD CONSTRAINT "roster_staff_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_staff" ADD CONSTRAINT "roster_staff_import_id_roster_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."roster_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_need_surveys_idx" ON "learning_need_surveys" USING btree ("org_id","community_id","created_at");--> statement-breakpoint
CREATE INDEX "roster_staff_email_idx" ON "roster_staff" USING btree ("org_id",lower("email"));--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_group_minimum" CHECK ("organizations"."student_group_minimum" between 1 and 100);