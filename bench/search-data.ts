// The search benchmark's data: an education vocabulary, a seeded random generator, 100,000 work samples
// and 100,000 posts written in bulk (unnest of arrays, indexes rebuilt after), and 200 varied queries.
import type pg from "pg";

export const subjects = ["Math", "ELA", "Science", "Social Studies", "Art", "Music", "PE", "World Languages"];
export const gradeBands = ["PreK", "K-2", "3-5", "6-8", "9-12"];
export const kinds = [
  "student_work",
  "lesson",
  "unit",
  "assessment",
  "rubric",
  "video_link",
  "document",
  "other",
];
export const standards = [
  ...["6.RP.A.1", "6.RP.A.3", "7.RP.A.2", "7.RP.A.3", "7.EE.B.4", "8.F.A.1", "8.EE.C.7", "6.NS.B.3"].map(
    (c) => `CCSS.MATH.${c}`,
  ),
  ...["4.NF.A.1", "5.NF.B.3", "3.OA.A.1", "HSA.REI.B.3", "HSF.IF.C.7", "K.CC.A.1", "2.NBT.B.5"].map(
    (c) => `CCSS.MATH.${c}`,
  ),
  ...["RL.5.1", "RL.7.2", "RI.8.6", "W.6.1", "W.9-10.1", "SL.4.1", "L.3.4", "RF.1.3"].map(
    (c) => `CCSS.ELA.${c}`,
  ),
  ...["MS-LS2-3", "MS-PS1-4", "HS-ESS3-5", "5-ESS2-1", "K-PS2-1", "HS-LS1-2"].map((c) => `NGSS.${c}`),
];
export const topics = [
  "proportional reasoning",
  "fractions",
  "argument writing",
  "close reading",
  "ecosystems",
  "energy transfer",
  "linear equations",
  "phonics",
  "civic discourse",
  "primary sources",
  "number sense",
  "lab safety",
  "formative assessment",
  "discourse",
  "vocabulary",
  "data analysis",
  "geometry",
  "place value",
];
export const words = (
  "ratio quiz rate unit proportion fraction decimal percent equation graph table slope function expression " +
  "inequality integer geometry angle area volume probability statistics data survey sample estimate number " +
  "place value addition subtraction multiplication division word problem lesson plan unit plan assessment rubric " +
  "exit ticket warmup homework project lab experiment hypothesis evidence claim reasoning argument essay paragraph " +
  "thesis narrative poetry novel reading writing vocabulary phonics fluency comprehension inference theme " +
  "character setting plot summary annotation discussion seminar debate presentation portfolio reflection feedback " +
  "protocol tuning critical friends peer review revision draft exemplar model anchor chart scaffold differentiation " +
  "intervention enrichment small group station rotation centers inquiry investigation observation model diagram " +
  "ecosystem energy matter force motion cell organism photosynthesis climate weather erosion rock mineral map " +
  "history civics government economics geography timeline primary source document analysis perspective bias " +
  "citizen community family engagement attendance behavior routine classroom management norms culture equity " +
  "access multilingual learners english language support accommodation modification special education goals " +
  "standards alignment curriculum pacing calendar coaching cycle observation walkthrough data meeting students"
).split(" ");
const questions = [
  "What am I really trying to assess?",
  "How can I tell whether students understand the idea?",
  "Where do students get stuck?",
  "Does the task match the standard?",
  "How can I make the feedback more useful?",
  "Is the rubric clear to students?",
];

/** mulberry32: a small deterministic generator, so every run seeds and queries the same things. */
export function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Skewed picks: common words are common, rare ones rare (as in real text).
  const pick = <T>(list: T[], skew = 1): T => list[Math.floor(next() ** skew * list.length)] as T;
  const sentence = (n: number, skew = 2) => Array.from({ length: n }, () => pick(words, skew)).join(" ");
  return { next, pick, sentence, int: (n: number) => Math.floor(next() * n) };
}

type Ids = { orgId: string; communities: string[]; people: string[] };

/** Writes `count` work samples and `count` posts (in count/10 threads) into the district's communities. */
export async function seedBulk(client: pg.Client, ids: Ids, count: number) {
  const r = random(42);
  const indexes = await client.query<{ indexdef: string; indexname: string }>(
    `select indexname, indexdef from pg_indexes where tablename in ('artifacts', 'posts', 'threads')
       and (indexname like '%search%' or indexname like '%trgm%')`,
  );
  // Building the text indexes once at the end is much faster than updating them row by row.
  for (const { indexname } of indexes.rows) await client.query(`drop index ${indexname}`);
  const batch = 5000;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, () => ({
      community: r.next() < 0.01 ? null : r.pick(ids.communities),
      owner: r.pick(ids.people),
      title: `${r.sentence(2 + r.int(4))} ${r.pick(subjects).toLowerCase()}`,
      kind: r.pick(kinds),
      description: r.sentence(15 + r.int(30), 1.6),
      question: r.pick(questions),
      subjects: [r.pick(subjects)].join("|"),
      grades: [r.pick(gradeBands)].join("|"),
      standards: Array.from({ length: 1 + r.int(2) }, () => r.pick(standards)).join("|"),
      topics: [r.pick(topics)].join("|"),
      student: r.next() < 0.1,
    }));
    const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((row) => row[k]);
    await client.query(
      `insert into artifacts (id, org_id, community_id, owner_id, title, kind, description, focusing_question,
         subjects, grade_bands, standards, topics, contains_student_work, privacy_attestation)
       select gen_random_uuid(), $1, c, o, t, k, d, q, string_to_array(s, '|'), string_to_array(g, '|'),
         string_to_array(st, '|'), string_to_array(tp, '|'), sw, case when sw then 'identifiers_removed' end
       from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::boolean[]) as x(c, o, t, k, d, q, s, g, st, tp, sw)`,
      [
        ids.orgId,
        col("community"),
        col("owner"),
        col("title"),
        col("kind"),
        col("description"),
        col("question"),
        col("subjects"),
        col("grades"),
        col("standards"),
        col("topics"),
        col("student"),
      ],
    );
  }
  // One in a hundred shared work samples is an approved exemplar.
  await client.query(
    `insert into exemplars (id, org_id, artifact_id, version_number, status, note, nominated_by)
    select gen_random_uuid(), org_id, id, 1, 'approved', 'Clear and practical.', owner_id
    from artifacts where org_id = $1 and community_id is not null and random() < 0.01`,
    [ids.orgId],
  );
  const threads = Array.from({ length: count / 10 }, () => ({
    community: r.pick(ids.communities),
    title: `${r.sentence(3 + r.int(4))}?`,
    author: r.pick(ids.people),
  }));
  const threadIds = (
    await client.query<{ id: string }>(
      `insert into threads (id, org_id, community_id, title, author_id)
       select gen_random_uuid(), $1, c, t, a from unnest($2::uuid[], $3::text[], $4::uuid[]) as x(c, t, a)
       returning id, community_id`,
      [ids.orgId, threads.map((t) => t.community), threads.map((t) => t.title), threads.map((t) => t.author)],
    )
  ).rows as unknown as { id: string; community_id: string }[];
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, () => {
      const thread = r.pick(threadIds);
      return {
        thread: thread.id,
        community: thread.community_id,
        author: r.pick(ids.people),
        body: r.sentence(12 + r.int(50), 1.6),
      };
    });
    await client.query(
      `insert into posts (id, org_id, thread_id, community_id, author_id, body)
       select gen_random_uuid(), $1, t, c, a, b from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) as x(t, c, a, b)`,
      [
        ids.orgId,
        rows.map((x) => x.thread),
        rows.map((x) => x.community),
        rows.map((x) => x.author),
        rows.map((x) => x.body),
      ],
    );
  }
  for (const { indexdef } of indexes.rows) await client.query(indexdef);
  await client.query(
    "analyze artifacts; analyze posts; analyze threads; analyze exemplars; analyze communities; analyze memberships",
  );
}

/** 200 queries: common and rare words, pairs, triples, standard codes and prefixes, and typos. */
export function queries(): string[] {
  const r = random(7);
  const typo = (w: string) => {
    const i = 1 + r.int(Math.max(1, w.length - 2));
    return w.slice(0, i) + (w[i + 1] ?? "") + (w[i] ?? "") + w.slice(i + 2);
  };
  const long = words.filter((w) => w.length >= 6);
  return [
    ...Array.from({ length: 40 }, () => r.pick(words, 2)), // common single words
    ...Array.from({ length: 20 }, () => r.pick(words, 0.3)), // rarer single words
    ...Array.from({ length: 40 }, () => `${r.pick(words, 2)} ${r.pick(words, 1.5)}`),
    ...Array.from({ length: 20 }, () => `${r.pick(words)} ${r.pick(words)} ${r.pick(words)}`),
    ...Array.from({ length: 20 }, () => r.pick(standards)),
    ...Array.from({ length: 15 }, () => {
      const code = r.pick(standards);
      return code.split(".").slice(2, 4).join(".") || code; // "7.RP", "RL.5"
    }),
    ...Array.from({ length: 25 }, () => `${typo(r.pick(long))} ${r.pick(long)}`),
    ...Array.from({ length: 10 }, () => r.pick(topics)),
    ...Array.from({ length: 10 }, () => `${r.pick(words)} ${r.pick(subjects).toLowerCase()}`),
  ];
}
