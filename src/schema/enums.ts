import { registerEnumType } from 'type-graphql';
import { CostKind, DurationUnit, ExperienceLevel, Priority, ValidityKind } from '../entities/enums';

registerEnumType(ExperienceLevel, { name: 'ExperienceLevel' });
registerEnumType(Priority, {
  name: 'Priority',
  description: 'How much a requirement matters, CRITICAL first.',
});
registerEnumType(CostKind, {
  name: 'CostKind',
  description: 'ONE_TIME fee, MONTHLY subscription, PER_COURSE range, or UNKNOWN.',
});
registerEnumType(ValidityKind, {
  name: 'ValidityKind',
  description: 'FIXED months, LIFETIME (never expires), or UNKNOWN (the guide does not say).',
});
registerEnumType(DurationUnit, { name: 'DurationUnit' });

export { CostKind, DurationUnit, ExperienceLevel, Priority, ValidityKind };
