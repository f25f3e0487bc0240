import {
  Kind,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * Whether the operation asks, below the field being resolved, for the fields along `path`
 * (schema field names, whatever the aliases), through inline and named fragments alike.
 * A resolver uses it to load what a nested field will need in its own statement instead
 * of one more round trip. @skip and @include are not evaluated: looking ahead too far only
 * loads a little more, never answers differently.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) =>
    reaches(node.selectionSet, path, info.fragments, new Set<string>()),
  );
}

function reaches(
  set: SelectionSetNode | undefined,
  path: readonly string[],
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): boolean {
  if (path.length === 0) return true;
  if (set === undefined) return false;
  const [name, ...rest] = path;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name && reaches(selection.selectionSet, rest, fragments, seen)) {
        return true;
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (reaches(selection.selectionSet, path, fragments, seen)) return true;
    } else {
      const fragmentName = selection.name.value;
      const fragment = fragments[fragmentName];
      // Validation rejects fragment cycles; this guard only keeps a bad document from looping.
      if (fragment === undefined || seen.has(fragmentName)) continue;
      if (reaches(fragment.selectionSet, path, fragments, new Set(seen).add(fragmentName))) {
        return true;
      }
    }
  }
  return false;
}
