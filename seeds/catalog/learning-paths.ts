import type { ExtractedGuide, PyDict, PyValue } from '../guide/extract';
import type { AliasIndex } from './aliases';
import {
  asDict,
  asString,
  asStringList,
  guideClass,
  humanizeKey,
  methodReturn,
  parseAt,
} from './guide-values';
import { parseDuration } from './parse';
import type { CertificationRecord, LearningPathRecord, LearningPathStepRecord } from './records';

/**
 * How the entries of a path's dict become steps:
 * - credential: a string, or each item of a list, names a credential (or a category);
 * - text: a string step that names no credential;
 * - details: a list becomes one step whose details are its items;
 * - course: each item of a list is a course of one of the path provider's credentials;
 * - phase: a dict; its 'certification' or 'program' names the credential, else its 'focus'
 *   is the title; 'duration' is the step's duration; the rest become details.
 */
type EntryRule = 'credential' | 'text' | 'details' | 'course' | 'phase';

interface PathSpec {
  slug: string;
  name: string;
  cls: string;
  method: string;
  provider: string | null;
  rule: EntryRule;
  /** Rules for particular keys, where they differ from `rule`. */
  rules?: Record<string, EntryRule>;
  /** Only this entry of the returned dict makes the path (edX returns two paths in one). */
  entry?: string;
  /** Which of several returns (by its if/elif/else header), and its steps' label. */
  guard?: { header: string; label: string };
  /** The provider's name, put before a credential name the path gives without it. */
  qualifier?: string;
  /** The timeline is in the method's doc comment ("... to complete in 3-6 months"). */
  timelineInDoc?: boolean;
}

/** Every path and study plan of the guide, in guide order. */
export const PATH_SPECS: readonly PathSpec[] = [
  {
    slug: 'aws_12_week_study_plan',
    name: 'AWS 12-week study plan',
    cls: 'AWSCertifications',
    method: 'create_study_plan',
    provider: 'aws',
    rule: 'phase',
  },
  {
    slug: 'google_cloud_certification_path',
    name: 'Google Cloud certification path',
    cls: 'GoogleCloudCertifications',
    method: 'get_google_certification_path',
    provider: 'google_cloud',
    rule: 'credential',
  },
  {
    slug: 'azure_ml_learning_path',
    name: 'Azure ML learning path',
    cls: 'AzureCertifications',
    method: 'get_azure_learning_path',
    provider: 'microsoft',
    rule: 'credential',
  },
  {
    slug: 'ibm_certification_study_plan',
    name: 'IBM certification study plan',
    cls: 'IBMCertifications',
    method: 'get_ibm_certification_plan',
    provider: 'ibm',
    rule: 'phase',
  },
  {
    slug: 'nvidia_dli_learning_path',
    name: 'NVIDIA DLI learning path',
    cls: 'NVIDIACertifications',
    method: 'get_nvidia_learning_path',
    provider: 'nvidia',
    rule: 'course',
  },
  {
    slug: 'tensorflow_study_plan',
    name: 'TensorFlow certification study plan',
    cls: 'TensorFlowCertifications',
    method: 'get_tensorflow_study_plan',
    provider: 'tensorflow',
    rule: 'phase',
  },
  {
    slug: 'datacamp_learning_path',
    name: 'DataCamp learning path',
    cls: 'DataCampCertifications',
    method: 'get_datacamp_learning_path',
    provider: 'datacamp',
    rule: 'phase',
    qualifier: 'DataCamp',
  },
  {
    slug: 'coursera_learning_path',
    name: 'Coursera specialization learning path',
    cls: 'CourseraCertifications',
    method: 'get_coursera_learning_path',
    provider: 'coursera',
    rule: 'credential',
  },
  {
    slug: 'edx_data_science_path',
    name: 'edX MicroMasters learning path: data science',
    cls: 'EdXCertifications',
    method: 'get_edx_learning_path',
    provider: 'edx',
    rule: 'phase',
    entry: 'data_science',
  },
  {
    slug: 'edx_artificial_intelligence_path',
    name: 'edX MicroMasters learning path: artificial intelligence',
    cls: 'EdXCertifications',
    method: 'get_edx_learning_path',
    provider: 'edx',
    rule: 'phase',
    entry: 'artificial_intelligence',
  },
  {
    slug: 'finance_ml_path',
    name: 'Finance ML certification path',
    cls: 'CFACertifications',
    method: 'get_finance_ml_path',
    provider: 'cfa_institute',
    rule: 'credential',
  },
  {
    slug: 'healthcare_ml_path',
    name: 'Healthcare ML certification path',
    cls: 'HealthcareCertifications',
    method: 'get_healthcare_ml_path',
    provider: 'various_institutions',
    rule: 'credential',
    rules: { prerequisites: 'details' },
  },
  ...(['beginner', 'intermediate', 'advanced'] as const).map((level, i): PathSpec => ({
    slug: `short_term_${level}`,
    name: `Short-term certifications: ${level}`,
    cls: 'CertificationStrategy',
    method: 'get_short_term_certifications',
    provider: null,
    rule: 'credential',
    timelineInDoc: true,
    // The final 'else' serves every level the two before it do not: that is 'advanced'.
    guard: {
      header: [
        `if experience_level == 'beginner'`,
        `elif experience_level == 'intermediate'`,
        'else',
      ][i],
      label: 'short_term',
    },
  })),
  {
    slug: 'study_schedule',
    name: 'Study schedule',
    cls: 'CertificationStrategy',
    method: 'create_study_schedule',
    provider: null,
    rule: 'text',
  },
  {
    slug: 'cloud_platform_study_plan',
    name: 'Cloud platform certification study plan',
    cls: 'ExamPreparation',
    method: 'get_cloud_study_plan',
    provider: null,
    rule: 'phase',
  },
  {
    slug: 'renewal_schedule',
    name: 'Renewal schedule',
    cls: 'CertificationMaintenance',
    method: 'create_renewal_schedule',
    provider: null,
    rule: 'text',
  },
  {
    slug: 'ongoing_learning_plan',
    name: 'Ongoing learning plan',
    cls: 'OngoingLearning',
    method: 'get_ongoing_learning_plan',
    provider: null,
    rule: 'details',
  },
];

const CREDENTIAL_KEYS = ['certification', 'program'];

interface StepContext {
  spec: PathSpec;
  index: AliasIndex;
  certifications: readonly CertificationRecord[];
  where: string;
}

function step(label: string, title: string, slug: string | null = null): LearningPathStepRecord {
  return {
    label,
    title,
    certificationSlug: slug,
    durationRaw: null,
    durationMin: null,
    durationMax: null,
    durationUnit: null,
    details: [],
  };
}

/** A credential step: the raw name is the title, unless it is a slug (Coursera, edX). */
function credentialStep(ctx: StepContext, label: string, raw: string): LearningPathStepRecord {
  const name = ctx.spec.qualifier ? `${ctx.spec.qualifier} ${raw}` : raw;
  const resolved = ctx.index.resolve(name, `${ctx.where}.${label}`);
  const slug = resolved.kind === 'certification' ? resolved.slug : null;
  const bySlug = ctx.certifications.find((c) => c.slug === raw);
  return step(label, bySlug ? bySlug.name : raw, slug);
}

/** The provider's one credential that teaches `course`; none or several is an error. */
function courseOwner(ctx: StepContext, course: string, where: string): string {
  const owners = ctx.certifications.filter(
    (c) => c.providerSlug === ctx.spec.provider && c.courses.some((k) => k.name === course),
  );
  if (owners.length !== 1) {
    throw new Error(`${where}: course "${course}" belongs to ${owners.length} credentials`);
  }
  return owners[0].slug;
}

/**
 * The credential a phase earns without naming it in a 'certification' key: an activity
 * "Complete <name>" of a catalog entry, or the one credential all its courses belong to.
 */
function impliedCredential(ctx: StepContext, phase: PyDict, where: string): string | null {
  const activities = asStringList(phase.get('activities') ?? [], `${where}.activities`);
  for (const activity of activities) {
    const named = /^Complete (.+)$/.exec(activity);
    const slug = named ? ctx.index.find(named[1]) : undefined;
    if (slug !== undefined) return slug;
  }
  const courses = asStringList(phase.get('courses') ?? [], `${where}.courses`);
  if (courses.length === 0) return null;
  const owners = ctx.certifications.filter((c) =>
    courses.every((course) => c.courses.some((k) => k.name === course)),
  );
  return owners.length === 1 ? owners[0].slug : null;
}

function phaseStep(ctx: StepContext, label: string, value: PyValue): LearningPathStepRecord {
  const where = `${ctx.where}.${label}`;
  const phase = asDict(value, where);
  const credentialKey = CREDENTIAL_KEYS.find((key) => phase.has(key));
  const titleKey = credentialKey ?? (phase.has('focus') ? 'focus' : null);

  const base = credentialKey
    ? credentialStep(ctx, label, asString(phase.get(credentialKey) ?? null, where))
    : step(
        label,
        titleKey ? asString(phase.get(titleKey) ?? null, where) : humanizeKey(label),
        impliedCredential(ctx, phase, where),
      );
  const durationRaw = phase.has('duration') ? asString(phase.get('duration') ?? null, where) : null;
  const duration = durationRaw === null ? null : parseAt(parseDuration, durationRaw, where);

  const details = [...phase]
    .filter(([key]) => key !== titleKey && key !== 'duration')
    .flatMap(([key, item]) => {
      const items = typeof item === 'string' ? [item] : asStringList(item, `${where}.${key}`);
      return items.map((text) => `${key}: ${text}`);
    });
  return {
    ...base,
    durationRaw,
    durationMin: duration?.min ?? null,
    durationMax: duration?.max ?? null,
    durationUnit: duration?.unit ?? null,
    details,
  };
}

function entrySteps(ctx: StepContext, label: string, value: PyValue): LearningPathStepRecord[] {
  const where = `${ctx.where}.${label}`;
  switch (ctx.spec.rules?.[label] ?? ctx.spec.rule) {
    case 'credential':
      return typeof value === 'string'
        ? [credentialStep(ctx, label, value)]
        : asStringList(value, where).map((name) => credentialStep(ctx, label, name));
    case 'text':
      return [step(label, asString(value, where))];
    case 'details':
      return [{ ...step(label, humanizeKey(label)), details: asStringList(value, where) }];
    case 'course':
      return asStringList(value, where).map((course) =>
        step(label, course, courseOwner(ctx, course, where)),
      );
    case 'phase':
      return [phaseStep(ctx, label, value)];
  }
}

function timelineOf(
  raw: string | null,
  where: string,
): Pick<LearningPathRecord, 'timelineRaw' | 'timelineMinMonths' | 'timelineMaxMonths'> {
  if (raw === null) return { timelineRaw: null, timelineMinMonths: null, timelineMaxMonths: null };
  const timeline = parseAt(parseDuration, raw, `${where}.timeline`);
  if (timeline.unit !== 'MONTH') throw new Error(`${where}.timeline: "${raw}" is not in months`);
  return { timelineRaw: raw, timelineMinMonths: timeline.min, timelineMaxMonths: timeline.max };
}

function buildPath(
  guide: ExtractedGuide,
  spec: PathSpec,
  index: AliasIndex,
  certifications: readonly CertificationRecord[],
): LearningPathRecord {
  const where = `${spec.cls}.${spec.method}`;
  const returned = methodReturn(guide, spec.cls, spec.method, spec.guard?.header ?? null);
  const ctx: StepContext = { spec, index, certifications, where };

  // A method may return a dict of steps, a list (one labelled entry), or one of its dict's
  // entries may be the path.
  let entries: [string, PyValue][];
  if (spec.guard) entries = [[spec.guard.label, returned]];
  else if (spec.entry) {
    const dict = asDict(returned, where);
    entries = [[spec.entry, dict.get(spec.entry) ?? null]];
  } else entries = [...asDict(returned, where)];

  const doc = guideClass(guide, spec.cls).methods.get(spec.method)?.doc ?? '';
  const timelineRaw = spec.timelineInDoc
    ? (/(\d+(?:-\d+)? (?:weeks|months))$/.exec(doc)?.[1] ?? null)
    : (entries.find(([key]) => key === 'timeline')?.[1] ?? null);

  return {
    slug: spec.slug,
    name: spec.name,
    providerSlug: spec.provider,
    ...timelineOf(timelineRaw === null ? null : asString(timelineRaw, `${where}.timeline`), where),
    sourceSection: guideClass(guide, spec.cls).section,
    steps: entries
      .filter(([key]) => key !== 'timeline')
      .flatMap(([label, value]) => entrySteps(ctx, label, value)),
  };
}

export function buildLearningPaths(
  guide: ExtractedGuide,
  index: AliasIndex,
  certifications: readonly CertificationRecord[],
): LearningPathRecord[] {
  return PATH_SPECS.map((spec) => buildPath(guide, spec, index, certifications));
}
