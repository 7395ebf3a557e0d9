import type { CommunityInput } from "../../../shared/schemas/communities.ts";

/** The demo districts: real-sounding people and communities a newcomer can sign in as and explore. */
export const DEMO_PASSWORD = "lamplight-demo";

type DemoPerson = {
  email: string;
  name: string;
  orgRole: "administrator" | "school_leader" | "educator" | "partner";
  title: string;
  pronouns?: string;
  schools: string[];
  subjects?: string[];
  gradeBands?: string[];
};
type DemoMember = [email: string, role: "facilitator" | "member" | "partner" | "observer"];
type DemoCommunity = Omit<CommunityInput, "schoolIds" | "anonymousFeedback" | "shareResultsByTeacher"> & {
  anonymousFeedback?: boolean;
  shareResultsByTeacher?: boolean;
  schools: string[];
  members: DemoMember[];
};
export type DemoDistrict = {
  name: string;
  slug: string;
  schools: string[];
  people: DemoPerson[];
  communities: DemoCommunity[];
};

const r = (local: string) => `${local}@riverside.example`;

export const riverside: DemoDistrict = {
  name: "Riverside Unified School District",
  slug: "riverside",
  schools: ["Riverside Elementary", "Riverside Middle"],
  people: [
    {
      email: r("admin"),
      name: "Dana Whitfield",
      orgRole: "administrator",
      title: "Director of Professional Learning",
      pronouns: "she/her",
      schools: [],
    },
    {
      email: r("principal"),
      name: "Marcus Bell",
      orgRole: "school_leader",
      title: "Principal",
      pronouns: "he/him",
      schools: ["Riverside Middle"],
    },
    {
      email: r("coach"),
      name: "Priya Natarajan",
      orgRole: "educator",
      title: "Instructional Coach",
      pronouns: "she/her",
      schools: ["Riverside Elementary", "Riverside Middle"],
      subjects: ["Mathematics", "Literacy"],
      gradeBands: ["3-5", "6-8"],
    },
    {
      email: r("teacher1"),
      name: "Jordan Lee",
      orgRole: "educator",
      title: "Grade 7 Mathematics Teacher",
      pronouns: "they/them",
      schools: ["Riverside Middle"],
      subjects: ["Mathematics"],
      gradeBands: ["6-8"],
    },
    {
      email: r("teacher2"),
      name: "Samuel Okafor",
      orgRole: "educator",
      title: "Grade 7 Mathematics Teacher",
      pronouns: "he/him",
      schools: ["Riverside Middle"],
      subjects: ["Mathematics"],
      gradeBands: ["6-8"],
    },
    {
      email: r("teacher3"),
      name: "Elena García",
      orgRole: "educator",
      title: "Grade 6 Science Teacher",
      pronouns: "she/her",
      schools: ["Riverside Middle"],
      subjects: ["Science"],
      gradeBands: ["6-8"],
    },
    {
      email: r("teacher4"),
      name: "Chris Novak",
      orgRole: "educator",
      title: "Grade 7 Special Education Teacher",
      schools: ["Riverside Middle"],
      subjects: ["Mathematics", "Special education"],
      gradeBands: ["6-8"],
    },
    {
      email: r("teacher5"),
      name: "Aisha Rahman",
      orgRole: "educator",
      title: "Grade 2 Teacher",
      pronouns: "she/her",
      schools: ["Riverside Elementary"],
      subjects: ["Literacy"],
      gradeBands: ["K-2"],
    },
    {
      email: r("teacher6"),
      name: "Ben Carter",
      orgRole: "educator",
      title: "Grade 4 Teacher",
      pronouns: "he/him",
      schools: ["Riverside Elementary"],
      subjects: ["Mathematics", "Literacy"],
      gradeBands: ["3-5"],
    },
    {
      email: r("teacher7"),
      name: "Mei Chen",
      orgRole: "educator",
      title: "Grade 5 Teacher",
      pronouns: "she/her",
      schools: ["Riverside Elementary"],
      subjects: ["Science", "Mathematics"],
      gradeBands: ["3-5"],
    },
    {
      email: r("teacher8"),
      name: "Luis Ortega",
      orgRole: "educator",
      title: "Kindergarten Teacher",
      pronouns: "he/him",
      schools: ["Riverside Elementary"],
      subjects: ["Literacy"],
      gradeBands: ["K-2"],
    },
    {
      email: r("parent"),
      name: "Grace Thompson",
      orgRole: "partner",
      title: "Parent, PTA volunteer",
      pronouns: "she/her",
      schools: ["Riverside Elementary"],
    },
    {
      email: r("partner"),
      name: "Tomás Herrera",
      orgRole: "partner",
      title: "Director, Riverside Youth Center",
      pronouns: "he/him",
      schools: [],
    },
  ],
  communities: [
    {
      name: "Grade 7 Math Team",
      kind: "grade_level_team",
      purpose:
        "Plan units together, look at student work from common assessments, and respond quickly when students struggle with proportional reasoning.",
      vision: "Every seventh grader leaves us able to reason with ratios and explain their thinking.",
      values:
        "We share our classrooms openly. We decide with evidence. We own every student's learning, not only our own roster's.",
      norms: [
        "Start and end on time.",
        "Warm feedback before cool feedback.",
        "Hard on the content, soft on the people.",
        "Bring student work, not just stories.",
        "What is said here stays here; what is learned here leaves here.",
      ],
      schools: ["Riverside Middle"],
      subjects: ["Mathematics"],
      gradeBands: ["6-8"],
      topics: ["Proportional reasoning", "Common assessments"],
      visibility: "organization",
      members: [
        [r("coach"), "facilitator"],
        [r("teacher1"), "member"],
        [r("teacher2"), "member"],
        [r("teacher4"), "member"],
        [r("principal"), "observer"],
      ],
    },
    {
      name: "Cross-School Critical Friends Group",
      kind: "critical_friends_group",
      // Critical friends may give feedback without their names (the demo shows the setting on).
      anonymousFeedback: true,
      purpose:
        "Bring a piece of our own work — a lesson, a task, a dilemma — and get honest, structured feedback from colleagues in another building.",
      vision:
        "Colleagues across our schools trust each other enough to ask the hard questions about practice.",
      values: "Curiosity over judgement. Confidentiality. Every presenter leaves with a next step.",
      norms: [
        "Follow the protocol and its timing.",
        "The presenter listens silently during feedback.",
        "Ask questions that help the presenter think, not ones that show what we know.",
        "Assume good intent.",
      ],
      schools: ["Riverside Elementary", "Riverside Middle"],
      subjects: [],
      gradeBands: ["K-2", "3-5", "6-8"],
      topics: ["Tuning protocol", "Looking at student work"],
      visibility: "private",
      members: [
        [r("coach"), "facilitator"],
        [r("teacher1"), "member"],
        [r("teacher5"), "member"],
        [r("teacher7"), "member"],
        [r("teacher6"), "member"],
      ],
    },
    {
      name: "Family Engagement Team",
      kind: "family_engagement_team",
      purpose:
        "Plan family math and reading nights with families and community partners, and hear what families need from school.",
      vision: "Families are partners in learning, and they see themselves in our school.",
      values: "Listen first. Meet families where they are. Share information in the languages families read.",
      norms: [
        "Everyone's voice counts the same.",
        "No jargon: explain school words.",
        "Follow up on every family suggestion.",
      ],
      schools: ["Riverside Elementary"],
      subjects: [],
      gradeBands: ["K-2", "3-5"],
      topics: ["Family nights", "Communication with families"],
      visibility: "private",
      members: [
        [r("teacher5"), "facilitator"],
        [r("teacher8"), "member"],
        [r("coach"), "member"],
        [r("parent"), "partner"],
        [r("partner"), "partner"],
      ],
    },
    {
      name: "Early Literacy Community of Practice",
      kind: "community_of_practice",
      purpose:
        "A monthly workshop on phonics and early reading: celebrate, troubleshoot together, and leave with a next step for Monday.",
      vision: "Every child reads at grade level by the end of grade 3.",
      values: "Practical over theoretical. Share what worked and what didn't.",
      norms: ["Bring one artifact from your classroom.", "Leave with one thing to try."],
      schools: ["Riverside Elementary"],
      subjects: ["Literacy"],
      gradeBands: ["K-2"],
      topics: ["Phonics", "Early reading"],
      visibility: "organization",
      members: [
        [r("teacher8"), "facilitator"],
        [r("teacher5"), "member"],
      ],
    },
  ],
};

export const lakeside: DemoDistrict = {
  name: "Lakeside Schools",
  slug: "lakeside",
  schools: ["Lakeside High"],
  people: [
    {
      email: "admin@lakeside.example",
      name: "Noor Haddad",
      orgRole: "administrator",
      title: "Assistant Superintendent",
      schools: [],
    },
    {
      email: "teacher1@lakeside.example",
      name: "Oliver Brandt",
      orgRole: "educator",
      title: "Biology Teacher",
      schools: ["Lakeside High"],
      subjects: ["Science"],
      gradeBands: ["9-12"],
    },
  ],
  communities: [
    {
      name: "Lakeside Science Department",
      kind: "department",
      purpose: "Align lab expectations across biology, chemistry and physics.",
      vision: "",
      values: "",
      norms: ["Data before opinions."],
      schools: ["Lakeside High"],
      subjects: ["Science"],
      gradeBands: ["9-12"],
      topics: ["Labs"],
      visibility: "organization",
      members: [
        ["admin@lakeside.example", "facilitator"],
        ["teacher1@lakeside.example", "member"],
      ],
    },
  ],
};
