import { z } from "zod";
import { text } from "./common.ts";
import { cycleStatuses, goalLevels, goalStatuses, goalUnits } from "./goal-enums.ts";

/** The alignment map (district → school → community goals, with its gaps) and the leaders' dashboard. */

const ref = z.object({ id: z.string(), name: z.string() });
const uuidOrEmpty = z
  .union([z.literal(""), z.uuid({ message: "Choose a school from the list." })])
  .optional()
  .transform((v) => (v ? v : undefined));

export const alignmentMapQuerySchema = z.object({ schoolId: uuidOrEmpty }).strict();
export type AlignmentMapQuery = z.output<typeof alignmentMapQuerySchema>;

export const mapGoalSchema = z.object({
  id: z.string(),
  level: z.enum(goalLevels),
  title: z.string(),
  status: z.enum(goalStatuses),
  /** A school goal's school; a community goal's community and the schools that community belongs to. */
  school: ref.nullable(),
  community: ref.nullable(),
  communitySchoolIds: z.array(z.string()),
  deadline: z.string().nullable(),
  unit: z.enum(goalUnits).nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  latest: z.object({ value: z.number(), measuredOn: z.string() }).nullable(),
  /** progressOf(baseline, target, latest): 0 at the baseline, 1 at the target. */
  progress: z.number().nullable(),
  /** Past its deadline without a result (status not met, not met or retired). */
  overdue: z.boolean(),
});
export type MapGoal = z.infer<typeof mapGoalSchema>;

/** `from` serves `to` (`to` is one level above). */
export const mapEdgeSchema = z.object({ from: z.string(), to: z.string() });
export type MapEdge = z.infer<typeof mapEdgeSchema>;

/** The community goals aligned to one school goal, counted, when the district is too large to list them. */
export const communitySummarySchema = z.object({
  goalId: z.string(),
  count: z.number().int(),
  byStatus: z.partialRecord(z.enum(goalStatuses), z.number().int()),
});

const gapListSchema = z.object({ total: z.number().int(), items: z.array(z.string()) });

export const alignmentMapSchema = z.object({
  /** The school the map is of, or null for the whole district. */
  school: ref.nullable(),
  /** The district's schools, for the school filter. */
  schools: z.array(ref),
  goals: z.array(mapGoalSchema),
  edges: z.array(mapEdgeSchema),
  /**
   * True when community goals are not listed one by one (a large district without a school chosen):
   * `communitySummaries` then counts them per school goal, and the gaps still name them.
   */
  summarised: z.boolean(),
  communitySummaries: z.array(communitySummarySchema),
  /** Gap goals (ids into `goals`, or into `gapGoals` for community goals not listed above). */
  gaps: z.object({
    /** Community goals aligned to no school goal. */
    unaligned: gapListSchema,
    /** School goals no community goal aligns to. */
    unsupported: gapListSchema,
    /** Goals past their deadline without a result. */
    overdue: gapListSchema,
  }),
  /** Goals the gaps name that are not in `goals` (summarised community goals). */
  gapGoals: z.array(mapGoalSchema),
});
export type AlignmentMap = z.infer<typeof alignmentMapSchema>;

/** How many gap goals of each kind are named; the total always counts them all. */
export const MAX_GAP_ITEMS = 100;
/** Beyond this many community goals in the district view, they are counted per school goal. */
export const MAX_LISTED_COMMUNITY_GOALS = 300;

// ── Dashboard ────────────────────────────────────────────────────────────────────────────────────────

export const DASHBOARD_PAGE_SIZE = 25;

export const dashboardQuerySchema = z
  .object({
    schoolId: uuidOrEmpty,
    communityId: z
      .union([z.literal(""), z.uuid({ message: "Choose a community from the list." })])
      .optional()
      .transform((v) => (v ? v : undefined)),
    level: z
      .union([z.literal(""), z.enum(goalLevels, { message: "Choose a level from the list." })])
      .optional()
      .transform((v) => (v ? v : undefined)),
    status: z
      .union([z.literal(""), z.enum(goalStatuses, { message: "Choose a goal status from the list." })])
      .optional()
      .transform((v) => (v ? v : undefined)),
    cycleStatus: z
      .union([z.literal(""), z.enum(cycleStatuses, { message: "Choose a cycle status from the list." })])
      .optional()
      .transform((v) => (v ? v : undefined)),
    stage: z
      .union([
        z.literal(""),
        z.coerce
          .number({ message: "Choose a stage from 1 to 7." })
          .int({ message: "Choose a stage from 1 to 7." })
          .min(1, { message: "Choose a stage from 1 to 7." })
          .max(7, { message: "Choose a stage from 1 to 7." }),
      ])
      .optional()
      .transform((v) => (v === "" || v === undefined ? undefined : v)),
    q: text(200).optional(),
    /** From a previous page's nextCursor: says which list (goals or cycles) it continues. */
    cursor: z.string().max(300).optional(),
  })
  .strict();
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;

export const dashboardGoalSchema = z.object({
  id: z.string(),
  level: z.enum(goalLevels),
  title: z.string(),
  status: z.enum(goalStatuses),
  community: ref.nullable(),
  /** The goal's school, or the schools of its community. */
  schools: z.array(ref),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  lastActivityAt: z.string(),
  /** Goals it aligns to (one level up) and goals aligned to it (one level down). */
  alignedUp: z.number().int(),
  alignedBelow: z.number().int(),
  activeCycles: z.number().int(),
});
export type DashboardGoal = z.infer<typeof dashboardGoalSchema>;

export const dashboardCycleSchema = z.object({
  id: z.string(),
  title: z.string(),
  stage: z.number().int(),
  status: z.enum(cycleStatuses),
  community: ref,
  schools: z.array(ref),
  lastActivityAt: z.string(),
  /** The cycle's goal and whether that goal aligns to a goal above it. */
  goal: z.object({ id: z.string(), title: z.string(), status: z.enum(goalStatuses) }).nullable(),
  goalAlignedUp: z.boolean(),
});
export type DashboardCycle = z.infer<typeof dashboardCycleSchema>;

const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const dashboardSchema = z.object({
  /** Counted over the scope and the school, community, level and search filters (not status or stage). */
  counts: z
    .object({
      goalsByStatus: z.partialRecord(z.enum(goalStatuses), z.number().int()),
      cyclesByStage: z.partialRecord(z.enum(["1", "2", "3", "4", "5", "6", "7"]), z.number().int()),
      cyclesByStatus: z.partialRecord(z.enum(cycleStatuses), z.number().int()),
      goals: z.number().int(),
      cycles: z.number().int(),
    })
    .nullable(),
  /** Null when a cycles cursor asked for the next page of cycles only (and the other way round). */
  goals: pageSchema(dashboardGoalSchema).nullable(),
  cycles: pageSchema(dashboardCycleSchema).nullable(),
  /** The filter choices the caller's scope offers. */
  schools: z.array(ref),
  communities: z.array(ref.extend({ schoolIds: z.array(z.string()) })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
