/** The GraphQL documents the dashboard sends, and the shapes of their answers. */

export interface TeamNode {
  id: string;
  name: string;
  children?: TeamNode[];
}

export type Priority = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface Requirement {
  id: string;
  priority: Priority;
  team: { id: string; name: string };
  certification: { slug: string; name: string } | null;
  skill: { name: string } | null;
}

export interface RequirementCoverage {
  requirement: Requirement;
  coverage: number;
  required: number;
  gap: number;
}

export interface Cost {
  min: number;
  expected: number;
  max: number;
}

export interface Assignment {
  requirement: { team: { name: string } };
  employee: { name: string } | null;
  certification: { name: string };
  cost: Cost | null;
  servesCareerGoal: boolean;
}

export interface Board {
  coverage: { asOf: string; requirements: RequirementCoverage[] };
  gaps: RequirementCoverage[];
  trainingBudget: {
    assignments: Assignment[];
    unknownCost: { count: number; names: string[]; assignments: Assignment[] };
    total: Cost & { unknownCount: number; unknownNames: string[] };
    shortfalls: Array<{
      requirement: Requirement;
      gap: number;
      shortfall: number;
      explanation: string | null;
    }>;
    peopleTrained: number;
  };
}

export interface Renewals {
  renewalExposure: {
    horizonEnd: string;
    expiring: Array<{
      holder: { name: string };
      certification: { name: string };
      expiresOn: string;
      renewalCost: number | null;
    }>;
    expiringCount: number;
    totalRenewalCost: number;
    unknownCostCount: number;
  };
}

/** GraphQL has no recursion: six levels cover department > team > sub-team with room. */
const TREE_DEPTH = 6;

function treeSelection(depth: number): string {
  return depth === 1 ? 'id name' : `id name children { ${treeSelection(depth - 1)} }`;
}

export const TEAMS = `query DashboardTeams {
  me { name }
  teams { ${treeSelection(TREE_DEPTH)} }
}`;

const REQUIREMENT = `fragment Req on TeamRequirement {
  id priority team { id name } certification { slug name } skill { name }
}`;

const ASSIGNMENT = `fragment Assign on TrainingAssignment {
  requirement { team { name } } employee { name } certification { name }
  cost { min expected max } servesCareerGoal
}`;

/** Omitting asOf asks for the service's today, which the answer's coverage.asOf tells. */
export const BOARD = `query DashboardBoard($team: ID!, $asOf: Date) {
  coverage(teamId: $team, asOf: $asOf) {
    asOf
    requirements { requirement { ...Req } coverage required gap }
  }
  gaps(teamId: $team, asOf: $asOf) { requirement { ...Req } coverage required gap }
  trainingBudget(teamId: $team, asOf: $asOf) {
    assignments { ...Assign }
    unknownCost { count names assignments { ...Assign } }
    total { min expected max unknownCount unknownNames }
    shortfalls { requirement { ...Req } gap shortfall explanation }
    peopleTrained
  }
}
${REQUIREMENT}
${ASSIGNMENT}`;

export const RENEWALS = `query DashboardRenewals($team: ID!, $asOf: Date!, $horizon: Int!) {
  renewalExposure(teamId: $team, asOf: $asOf, horizonDays: $horizon) {
    horizonEnd
    expiring { holder { name } certification { name } expiresOn renewalCost }
    expiringCount totalRenewalCost unknownCostCount
  }
}`;

/** What a requirement asks for: a certification, or a skill any of several certify. */
export function targetOf(requirement: Requirement): { key: string; label: string } {
  if (requirement.certification) {
    return { key: `cert:${requirement.certification.slug}`, label: requirement.certification.name };
  }
  const skill = requirement.skill?.name ?? '?';
  return { key: `skill:${skill}`, label: `${skill} (skill)` };
}
