import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on what one operation may ask for, checked before anything runs. The numbers leave
 * room for the deepest real query (team > children > employees > certifications >
 * certification > prerequisites) and refuse the shapes that only an attack needs.
 */
export const OPERATION_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2_000,
  // armor's cost counts list fields times their `first`: the largest page of employees with
  // their certifications (1,000) costs about 46,000.
  maxCost: 50_000,
};

export function operationLimits() {
  const armor = new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth },
    maxAliases: { n: OPERATION_LIMITS.maxAliases },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
    // graphql's own parser counts tokens (parseOptions below): a refusal there is a 400,
    // where armor's token plugin throws from a hook and surfaces as a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: OPERATION_LIMITS.maxCost },
    // Suggestions ("did you mean ...?") map the schema for someone without introspection.
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { ...armor, parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens } };
}
