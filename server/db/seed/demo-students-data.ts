/*
 * The demo's student data as numbers: the unit 3 items and a deterministic score for a student of a given
 * ability, so every fresh demo shows the same story (7.RP.A.2 weakest, Q5's "B" the tempting wrong answer,
 * growth from the pre-assessment to the common formative assessment). Names are invented.
 */

export type DemoItem = {
  label: string;
  kind: "points" | "choice";
  standard: string;
  maxPoints: number;
  answerKey: string;
};

const choice = (label: string, standard: string, answerKey: string): DemoItem => ({
  label,
  kind: "choice",
  standard,
  maxPoints: 1,
  answerKey,
});
const points = (label: string, standard: string, maxPoints: number): DemoItem => ({
  label,
  kind: "points",
  standard,
  maxPoints,
  answerKey: "",
});

export const DEMO_ITEMS: DemoItem[] = [
  choice("Q1", "7.RP.A.1", "B"),
  choice("Q2", "7.RP.A.1", "C"),
  points("Q3", "7.RP.A.1", 2),
  choice("Q4", "7.RP.A.2", "A"),
  choice("Q5", "7.RP.A.2", "D"),
  points("Q6", "7.RP.A.2", 4),
  choice("Q7", "7.RP.A.2", "B"),
  choice("Q8", "7.RP.A.3", "C"),
  points("Q9", "7.RP.A.3", 2),
  choice("Q10", "7.RP.A.3", "A"),
];

/** How hard each standard was, before and after the team's strategy (on the ability scale). */
const DIFFICULTY: Record<"pre" | "post", Record<string, number>> = {
  pre: { "7.RP.A.1": -1.6, "7.RP.A.2": 0.1, "7.RP.A.3": -0.9 },
  post: { "7.RP.A.1": -3.0, "7.RP.A.2": -0.6, "7.RP.A.3": -2.2 },
};

/** A number in [0, 1) from an integer, the same every run (a small integer hash). */
export function unit(seed: number): number {
  let x = (seed + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

const LETTERS = ["A", "B", "C", "D"];

export function demoScore(
  item: DemoItem,
  ability: number,
  when: "pre" | "post",
  seed: number,
): { score: number; response: string } {
  const p = 1 / (1 + Math.exp(-(ability - (DIFFICULTY[when][item.standard] ?? 0))));
  const u = unit(seed * 2 + (when === "pre" ? 0 : 1));
  if (item.kind === "points") {
    const raw = Math.round(item.maxPoints * p + (u - 0.5) * 1.5);
    return { score: Math.min(item.maxPoints, Math.max(0, raw)), response: "" };
  }
  if (u < p) return { score: 1, response: item.answerKey };
  // Q5's "B" (multiplying across instead of finding the unit rate) misleads most of those who miss it.
  const v = unit(seed * 3 + 7);
  const wrong = LETTERS.filter((l) => l !== item.answerKey);
  const response = item.label === "Q5" && v < 0.7 ? "B" : (wrong[Math.floor(v * wrong.length)] ?? "A");
  return { score: 0, response };
}

export const DEMO_GIVEN_NAMES = [
  "Aaliyah",
  "Mateo",
  "Priya",
  "Liam",
  "Sofia",
  "Noah",
  "Amara",
  "Ethan",
  "Yuki",
  "Diego",
  "Zara",
  "Owen",
  "Fatima",
  "Lucas",
  "Mei",
  "Isaac",
  "Nadia",
  "Caleb",
  "Leila",
  "Jonah",
  "Ava",
  "Elijah",
  "Camila",
  "Samuel",
  "Hana",
  "Gabriel",
  "Maya",
  "Kofi",
  "Elena",
  "Ravi",
  "Chloe",
  "Tariq",
  "Grace",
  "Marcus",
  "Ines",
  "Wyatt",
  "Keira",
  "Omar",
  "Lucia",
  "Theo",
];

export const DEMO_FAMILY_NAMES = [
  "Okafor",
  "Garcia",
  "Nguyen",
  "Smith",
  "Haddad",
  "Johnson",
  "Kim",
  "Martinez",
  "Patel",
  "Brown",
  "Rossi",
  "Williams",
  "Yamamoto",
  "Lopez",
  "Mensah",
  "Davis",
  "Cohen",
  "Ali",
  "Novak",
  "Taylor",
  "Silva",
  "Anderson",
  "Chen",
  "Moreno",
  "Dubois",
  "Thomas",
  "Ivanova",
  "Jackson",
  "Reyes",
  "Walker",
  "Sato",
  "Hernandez",
  "Abebe",
  "Clark",
  "Fischer",
  "Lewis",
  "Park",
  "Young",
  "Costa",
  "Wright",
  "Osei",
];
