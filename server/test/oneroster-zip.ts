import { crc32, deflateRawSync } from "node:zlib";

/*
 * OneRoster CSV zips built from objects, for the roster tests: a minimal zip writer (deflate, no
 * dependency) and a CSV writer that quotes like Excel does. `raw` entries go in byte for byte, so a test
 * can write a BOM, CRLF, a semicolon-delimited file or a broken header.
 */

export type Row = Record<string, string | number | boolean | undefined>;
export type ZipEntries = Record<string, Buffer | string>;

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A CSV text from rows (header from the first row's keys, or `header`). */
export function csv(rows: Row[], header = Object.keys(rows[0] ?? {}), eol = "\n"): string {
  const lines = [header.join(",")];
  for (const r of rows) lines.push(header.map((h) => quote(String(r[h] ?? ""))).join(","));
  return lines.join(eol) + eol;
}

/** Writes a zip archive of the entries. */
export function zip(entries: ZipEntries): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

export type Roster = {
  orgs?: Row[];
  academicSessions?: Row[];
  courses?: Row[];
  classes?: Row[];
  users?: Row[];
  enrollments?: Row[];
};

const HEADERS: Record<keyof Roster, string[]> = {
  orgs: ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
  academicSessions: [
    "sourcedId",
    "status",
    "dateLastModified",
    "title",
    "type",
    "startDate",
    "endDate",
    "parentSourcedId",
    "schoolYear",
  ],
  courses: [
    "sourcedId",
    "status",
    "dateLastModified",
    "schoolYearSourcedId",
    "title",
    "courseCode",
    "grades",
    "orgSourcedId",
    "subjects",
    "subjectCodes",
  ],
  classes: [
    "sourcedId",
    "status",
    "dateLastModified",
    "title",
    "grades",
    "courseSourcedId",
    "classCode",
    "classType",
    "location",
    "schoolSourcedId",
    "termSourcedIds",
    "subjects",
    "subjectCodes",
    "periods",
  ],
  users: [
    "sourcedId",
    "status",
    "dateLastModified",
    "enabledUser",
    "orgSourcedIds",
    "role",
    "username",
    "userIds",
    "givenName",
    "familyName",
    "middleName",
    "identifier",
    "email",
    "sms",
    "phone",
    "agentSourcedIds",
    "grades",
    "password",
  ],
  enrollments: [
    "sourcedId",
    "status",
    "dateLastModified",
    "classSourcedId",
    "schoolSourcedId",
    "userSourcedId",
    "role",
    "primary",
    "beginDate",
    "endDate",
  ],
};

/** A OneRoster 1.1 zip: a manifest naming each given file as `mode`, and the files as CSV. */
export function oneRosterZip(
  roster: Roster,
  mode: "bulk" | "delta" = "bulk",
  extra: ZipEntries = {},
): Buffer {
  const entries: ZipEntries = {};
  const manifest: Row[] = [
    { propertyName: "manifest.version", value: "1.0" },
    { propertyName: "oneroster.version", value: "1.1" },
  ];
  for (const name of Object.keys(HEADERS) as (keyof Roster)[]) {
    const rows = roster[name];
    manifest.push({ propertyName: `file.${name}`, value: rows ? mode : "absent" });
    if (rows) entries[`${name}.csv`] = csv(rows, HEADERS[name]);
  }
  entries["manifest.csv"] = csv(manifest, ["propertyName", "value"]);
  return zip({ ...entries, ...extra });
}

/** A small clean roster: one school (by name), a year, a course, a class, a teacher, two students. */
export function sampleRoster(o: { school: string; teacherEmail: string; prefix?: string }): Roster {
  const p = o.prefix ?? "r";
  const stamp = "2026-08-01T00:00:00Z";
  return {
    orgs: [
      { sourcedId: `${p}-org`, status: "active", dateLastModified: stamp, name: o.school, type: "school" },
    ],
    academicSessions: [
      {
        sourcedId: `${p}-y`,
        status: "active",
        dateLastModified: stamp,
        title: "2026-27",
        type: "schoolYear",
        startDate: "2026-08-15",
        endDate: "2027-06-15",
        schoolYear: "2027",
      },
    ],
    courses: [
      {
        sourcedId: `${p}-c`,
        status: "active",
        dateLastModified: stamp,
        schoolYearSourcedId: `${p}-y`,
        title: "Math 7",
        courseCode: "M7",
        grades: "07",
        orgSourcedId: `${p}-org`,
        subjects: "Math",
      },
    ],
    classes: [
      {
        sourcedId: `${p}-k`,
        status: "active",
        dateLastModified: stamp,
        title: "Math 7, period 2",
        grades: "07",
        courseSourcedId: `${p}-c`,
        classCode: "M7-2",
        classType: "scheduled",
        schoolSourcedId: `${p}-org`,
        termSourcedIds: `${p}-y`,
        periods: "2",
      },
    ],
    users: [
      {
        sourcedId: `${p}-t`,
        status: "active",
        dateLastModified: stamp,
        enabledUser: "true",
        orgSourcedIds: `${p}-org`,
        role: "teacher",
        username: "t",
        givenName: "Tess",
        familyName: "Teacher",
        email: o.teacherEmail,
      },
      {
        sourcedId: `${p}-s1`,
        status: "active",
        dateLastModified: stamp,
        enabledUser: "true",
        orgSourcedIds: `${p}-org`,
        role: "student",
        username: "s1",
        givenName: "Ana",
        familyName: "Lopez",
        identifier: `${p}1001`,
        grades: "07",
      },
      {
        sourcedId: `${p}-s2`,
        status: "active",
        dateLastModified: stamp,
        enabledUser: "true",
        orgSourcedIds: `${p}-org`,
        role: "student",
        username: "s2",
        givenName: "Ben",
        familyName: "O'Neil, Jr.",
        identifier: `${p}1002`,
        grades: "07",
      },
    ],
    enrollments: [
      {
        sourcedId: `${p}-e1`,
        status: "active",
        dateLastModified: stamp,
        classSourcedId: `${p}-k`,
        schoolSourcedId: `${p}-org`,
        userSourcedId: `${p}-t`,
        role: "teacher",
        primary: "true",
      },
      {
        sourcedId: `${p}-e2`,
        status: "active",
        dateLastModified: stamp,
        classSourcedId: `${p}-k`,
        schoolSourcedId: `${p}-org`,
        userSourcedId: `${p}-s1`,
        role: "student",
      },
      {
        sourcedId: `${p}-e3`,
        status: "active",
        dateLastModified: stamp,
        classSourcedId: `${p}-k`,
        schoolSourcedId: `${p}-org`,
        userSourcedId: `${p}-s2`,
        role: "student",
      },
    ],
  };
}
