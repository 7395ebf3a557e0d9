CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"prompt" text,
	"body" text NOT NULL,
	"written_on" date NOT NULL,
	"shared_community_id" uuid,
	"shared_at" timestamp with time zone,
	"meeting_id" uuid,
	"cycle_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_plan_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"learning_goal_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"happened_on" date,
	"hours" numeric(6, 2),
	"community_id" uuid,
	"meeting_id" uuid,
	"journal_entry_id" uuid,
	"artifact_id" uuid,
	"evidence" text DEFAULT '' NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_plan_activities_hours" CHECK ("learning_plan_activities"."hours" is null or ("learning_plan_activities"."hours" >= 0 and "learning_plan_activities"."hours" <= 1000))
);
--> statement-breakpoint
CREATE TABLE "learning_plan_goals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"goal_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"modeling_for_students" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"administration_id" uuid NOT NULL,
	"section_key" text NOT NULL,
	"goal_id" uuid,
	"cycle_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_follow_ups_one" CHECK (("survey_follow_ups"."goal_id" is null) <> ("survey_follow_ups"."cycle_id" is null))
);
--> statement-breakpoint
CREATE TABLE "team_reflections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"meeting_id" uuid,
	"cycle_id" uuid,
	"title" text NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_reflections_subject" CHECK (("team_reflections"."kind" = 'meeting') = ("team_reflections"."meeting_id" is not null) and ("team_reflections"."kind" = 'cycle') = ("team_reflections"."cycle_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "survey_administrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"survey_version_id" uuid NOT NULL,
	"title" text NOT NULL,
	"audience" text NOT NULL,
	"community_id" uuid,
	"school_id" uuid,
	"anonymous" boolean DEFAULT true NOT NULL,
	"minimum_responses" smallint DEFAULT 5 NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_early_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"unlinked_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_administrations_dates" CHECK ("survey_administrations"."closes_at" > "survey_administrations"."opens_at"),
	CONSTRAINT "survey_administrations_audience" CHECK (("survey_administrations"."audience" = 'community') = ("survey_administrations"."community_id" is not null) and ("survey_administrations"."audience" = 'school') = ("survey_administrations"."school_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"org_id" uuid NOT NULL,
	"administration_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"value" smallint,
	"choices" text[],
	"text" text,
	CONSTRAINT "survey_answers_administration_id_question_key_response_id_pk" PRIMARY KEY("administration_id","question_key","response_id")
);
--> statement-breakpoint
CREATE TABLE "survey_recipients" (
	"org_id" uuid NOT NULL,
	"administration_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_recipients_administration_id_person_id_pk" PRIMARY KEY("administration_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"administration_id" uuid NOT NULL,
	"survey_version_id" uuid NOT NULL,
	"person_id" uuid,
	"draft" jsonb,
	"draft_saved_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"language" text DEFAULT 'en' NOT NULL,
	"school_id" uuid,
	"role" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survey_id" uuid NOT NULL,
	"org_id" uuid,
	"number" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"builtin_key" text,
	"title" text NOT NULL,
	"current_version_id" uuid,
	"community_id" uuid,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_shared_community_id_communities_id_fk" FOREIGN KEY ("shared_community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_activities" ADD CONSTRAINT "learning_plan_activities_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_activities" ADD CONSTRAINT "learning_plan_activities_plan_id_learning_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."learning_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_activities" ADD CONSTRAINT "learning_plan_activities_learning_goal_id_learning_plan_goals_id_fk" FOREIGN KEY ("learning_goal_id") REFERENCES "public"."learning_plan_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_activities" ADD CONSTRAINT "learning_plan_activities_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_activities" ADD CONSTRAINT "learning_plan_activities_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_activities" ADD CONSTRAINT "learning_plan_activities_journal_entry_id_journal_entries_id_fk" FOREIGN KEY ("journal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_activities" ADD CONSTRAINT "learning_plan_activities_artifact_id_artifacts_id_fk" FOREIGN KEY ("artifact_id") REFERENCES "public"."artifacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_goals" ADD CONSTRAINT "learning_plan_goals_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_goals" ADD CONSTRAINT "learning_plan_goals_plan_id_learning_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."learning_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_goals" ADD CONSTRAINT "learning_plan_goals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plans" ADD CONSTRAINT "learning_plans_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plans" ADD CONSTRAINT "learning_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_administration_id_survey_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."survey_administrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_reflections" ADD CONSTRAINT "team_reflections_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_reflections" ADD CONSTRAINT "team_reflections_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_reflections" ADD CONSTRAINT "team_reflections_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_reflections" ADD CONSTRAINT "team_reflections_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_reflections" ADD CONSTRAINT "team_reflections_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_reflections" ADD CONSTRAINT "team_reflections_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_administrations" ADD CONSTRAINT "survey_administrations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_administrations" ADD CONSTRAINT "survey_administrations_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_administrations" ADD CONSTRAINT "survey_administrations_survey_version_id_survey_versions_id_fk" FOREIGN KEY ("survey_version_id") REFERENCES "public"."survey_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_administrations" ADD CONSTRAINT "survey_administrations_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_administrations" ADD CONSTRAINT "survey_administrations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_administrations" ADD CONSTRAINT "survey_administrations_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_administration_id_survey_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."survey_administrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_recipients" ADD CONSTRAINT "survey_recipients_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_recipients" ADD CONSTRAINT "survey_recipients_administration_id_survey_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."survey_administrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_recipients" ADD CONSTRAINT "survey_recipients_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_administration_id_survey_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."survey_administrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_version_id_survey_versions_id_fk" FOREIGN KEY ("survey_version_id") REFERENCES "public"."survey_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_current_version_id_survey_versions_id_fk" FOREIGN KEY ("current_version_id") REFERENCES "public"."survey_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journal_entries_person_idx" ON "journal_entries" USING btree ("org_id","person_id","written_on");--> statement-breakpoint
CREATE INDEX "journal_entries_shared_idx" ON "journal_entries" USING btree ("org_id","shared_community_id");--> statement-breakpoint
CREATE INDEX "learning_plan_activities_plan_idx" ON "learning_plan_activities" USING btree ("plan_id","happened_on");--> statement-breakpoint
CREATE INDEX "learning_plan_goals_plan_idx" ON "learning_plan_goals" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_plans_person_year_idx" ON "learning_plans" USING btree ("org_id","person_id","school_year");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_follow_ups_goal_idx" ON "survey_follow_ups" USING btree ("administration_id","section_key",("goal_id" is null));--> statement-breakpoint
CREATE INDEX "team_reflections_community_idx" ON "team_reflections" USING btree ("org_id","community_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "team_reflections_meeting_idx" ON "team_reflections" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_reflections_cycle_idx" ON "team_reflections" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "survey_administrations_org_idx" ON "survey_administrations" USING btree ("org_id","closes_at");--> statement-breakpoint
CREATE INDEX "survey_administrations_community_idx" ON "survey_administrations" USING btree ("org_id","community_id");--> statement-breakpoint
CREATE INDEX "survey_administrations_survey_idx" ON "survey_administrations" USING btree ("org_id","survey_id","closes_at");--> statement-breakpoint
CREATE INDEX "survey_answers_response_idx" ON "survey_answers" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "survey_recipients_person_idx" ON "survey_recipients" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_person_idx" ON "survey_responses" USING btree ("administration_id","person_id");--> statement-breakpoint
CREATE INDEX "survey_responses_administration_idx" ON "survey_responses" USING btree ("org_id","administration_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_versions_number_idx" ON "survey_versions" USING btree ("survey_id","number");--> statement-breakpoint
CREATE INDEX "surveys_org_idx" ON "surveys" USING btree ("org_id","title");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_builtin_idx" ON "surveys" USING btree ("builtin_key");