import type { ExtractedGuide, PyDict, PyValue } from '../guide/extract';
import {
  asDict,
  asStringList,
  classAttribute,
  guideClass,
  optionalString,
  optionalStringList,
  parseAt,
  requiredString,
} from './guide-values';
import { parseCost, parseDuration, parseExamTopic, parseLevel, parseValidity } from './parse';
import type { CertificationRecord, CourseRecord } from './records';

/** Where the guide lists credentials with their data, and whose they are by default. */
export const CERTIFICATION_SOURCES: readonly {
  cls: string;
  attribute: string;
  provider: string;
}[] = [
  { cls: 'AWSCertifications', attribute: 'certifications', provider: 'aws' },
  { cls: 'GoogleCloudCertifications', attribute: 'certifications', provider: 'google_cloud' },
  { cls: 'AzureCertifications', attribute: 'certifications', provider: 'microsoft' },
  { cls: 'IBMCertifications', attribute: 'certifications', provider: 'ibm' },
  { cls: 'NVIDIACertifications', attribute: 'certifications', provider: 'nvidia' },
  { cls: 'TensorFlowCertifications', attribute: 'certifications', provider: 'tensorflow' },
  { cls: 'DataCampCertifications', attribute: 'certifications', provider: 'datacamp' },
  { cls: 'CourseraCertifications', attribute: 'specializations', provider: 'coursera' },
  { cls: 'EdXCertifications', attribute: 'micromasters', provider: 'edx' },
  { cls: 'CFACertifications', attribute: 'certifications', provider: 'cfa_institute' },
  {
    cls: 'HealthcareCertifications',
    attribute: 'certifications',
    provider: 'various_institutions',
  },
];

/**
 * Credentials the guide names only as a prerequisite or a path step: catalog entries with
 * incomplete data (no cost, validity or level), filed under the section that names them.
 */
const NAMED_ONLY: readonly { slug: string; name: string; provider: string; namedIn: string }[] = [
  {
    slug: 'aws_cloud_practitioner',
    name: 'AWS Cloud Practitioner',
    provider: 'aws',
    namedIn: 'AWSCertifications',
  },
  {
    slug: 'google_cloud_associate_cloud_engineer',
    name: 'Google Cloud Associate Cloud Engineer',
    provider: 'google_cloud',
    namedIn: 'GoogleCloudCertifications',
  },
  {
    slug: 'az_900',
    name: 'AZ-900: Azure Fundamentals',
    provider: 'microsoft',
    namedIn: 'AzureCertifications',
  },
  {
    slug: 'datacamp_python_programmer',
    name: 'Python Programmer',
    provider: 'datacamp',
    namedIn: 'DataCampCertifications',
  },
  {
    slug: 'cfa_level_1',
    name: 'CFA Level I',
    provider: 'cfa_institute',
    namedIn: 'CFACertifications',
  },
  {
    slug: 'cfa_level_2',
    name: 'CFA Level II',
    provider: 'cfa_institute',
    namedIn: 'CFACertifications',
  },
  {
    slug: 'medical_imaging_specialization',
    name: 'Medical Imaging Specialization',
    provider: 'various_institutions',
    namedIn: 'HealthcareCertifications',
  },
  {
    slug: 'clinical_data_science',
    name: 'Clinical Data Science',
    provider: 'various_institutions',
    namedIn: 'HealthcareCertifications',
  },
];

/** Every key a certification dict may have; another one fails rather than being dropped. */
const KNOWN_KEYS = new Set([
  'name',
  'provider',
  'university',
  'instructor',
  'level',
  'duration',
  'cost',
  'validity',
  'prerequisites',
  'exam_topics',
  'topics',
  'study_resources',
  'courses',
  'exam_format',
  'focus',
  'recognition',
  'credit',
]);

function emptyRecord(slug: string, name: string, providerSlug: string): CertificationRecord {
  return {
    slug,
    name,
    providerSlug,
    university: null,
    instructor: null,
    levelRaw: null,
    levelMin: null,
    levelMax: null,
    durationRaw: null,
    durationMin: null,
    durationMax: null,
    durationUnit: null,
    durationPerCourse: false,
    costRaw: null,
    costKind: 'UNKNOWN',
    costLowCents: null,
    costHighCents: null,
    validityRaw: null,
    validityKind: 'UNKNOWN',
    validityMonths: null,
    examFormat: null,
    focus: null,
    recognition: null,
    credit: null,
    studyResources: [],
    dataComplete: false,
    sourceSection: '',
    prerequisites: [],
    examTopics: [],
    courses: [],
  };
}

/** A flat course list, or NVIDIA's dict of course groups. */
function mapCourses(value: PyValue | undefined, where: string): CourseRecord[] {
  if (value === undefined) return [];
  if (!(value instanceof Map)) {
    return asStringList(value, where).map((name) => ({ group: null, name }));
  }
  return [...value].flatMap(([group, names]) =>
    asStringList(names, `${where}.${group}`).map((name) => ({ group, name })),
  );
}

function mapCertification(
  slug: string,
  dict: PyDict,
  where: string,
  providerSlug: string,
  sourceSection: string,
): CertificationRecord {
  for (const key of dict.keys()) {
    if (!KNOWN_KEYS.has(key)) throw new Error(`${where}: unknown key '${key}'`);
  }
  const text = (key: string): string | null => optionalString(dict, key, where);
  const levelRaw = text('level');
  const durationRaw = text('duration');
  const costRaw = text('cost');
  const validityRaw = text('validity');
  const level = levelRaw === null ? null : parseAt(parseLevel, levelRaw, `${where}.level`);
  const duration =
    durationRaw === null ? null : parseAt(parseDuration, durationRaw, `${where}.duration`);
  const cost = parseAt(parseCost, costRaw, `${where}.cost`);
  const validity = parseAt(parseValidity, validityRaw, `${where}.validity`);

  return {
    ...emptyRecord(slug, requiredString(dict, 'name', where), providerSlug),
    university: text('university'),
    instructor: text('instructor'),
    levelRaw,
    levelMin: level?.min ?? null,
    levelMax: level?.max ?? null,
    durationRaw,
    durationMin: duration?.min ?? null,
    durationMax: duration?.max ?? null,
    durationUnit: duration?.unit ?? null,
    durationPerCourse: duration?.perCourse ?? false,
    costRaw,
    costKind: cost.kind,
    costLowCents: cost.lowCents,
    costHighCents: cost.highCents,
    validityRaw,
    validityKind: validity.kind,
    validityMonths: validity.months,
    examFormat: text('exam_format'),
    focus: text('focus'),
    recognition: text('recognition'),
    credit: text('credit'),
    studyResources: optionalStringList(dict, 'study_resources', where),
    dataComplete: true,
    sourceSection,
    prerequisites: optionalStringList(dict, 'prerequisites', where).map((raw) => ({
      raw,
      prerequisiteSlug: null,
    })),
    examTopics: [
      ...optionalStringList(dict, 'exam_topics', where),
      ...optionalStringList(dict, 'topics', where),
    ].map((raw, i) => parseAt(parseExamTopic, raw, `${where}.topics[${i}]`)),
    courses: mapCourses(dict.get('courses'), `${where}.courses`),
  };
}

/**
 * Every credential of the guide: those it describes (data complete) in guide order, then
 * those it only names. Prerequisites are not linked yet (that needs the alias index).
 * `providerSlugByName` resolves a certification's own 'provider' field.
 */
export function buildCertifications(
  guide: ExtractedGuide,
  providerSlugByName: (name: string, where: string) => string,
): CertificationRecord[] {
  const described = CERTIFICATION_SOURCES.flatMap(({ cls, attribute, provider }) => {
    const where = `${cls}.${attribute}`;
    const section = guideClass(guide, cls).section;
    return [...asDict(classAttribute(guide, cls, attribute), where)].map(([slug, value]) => {
      const dict = asDict(value, `${where}.${slug}`);
      const named = optionalString(dict, 'provider', `${where}.${slug}`);
      const owner =
        named === null ? provider : providerSlugByName(named, `${where}.${slug}.provider`);
      return mapCertification(slug, dict, `${where}.${slug}`, owner, section);
    });
  });

  const namedOnly = NAMED_ONLY.map(({ slug, name, provider, namedIn }) => ({
    ...emptyRecord(slug, name, provider),
    sourceSection: guideClass(guide, namedIn).section,
  }));
  return [...described, ...namedOnly];
}
